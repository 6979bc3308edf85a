namespace Bhyt.Etl.Reporting.Annex;

/// <summary>
/// The annex forms Phụ lục 4–9 as the provincial plan orders them (seeds/000) and the localities fill them in
/// (seeds/001): numbering, row labels and units of measure. Labels are the ones the documents print, or the catalog's
/// name where a printed label alone is ambiguous ("Tại Sở Y tế"), so that the report importer reads every row back
/// as the indicator it was written from. Defined here once, for the report, the blank templates and their reader.
/// </summary>
public static class AnnexForms
{
    private const string Persons = "Người";
    private const string Percent = "%";
    private const string Households = "Hộ";
    private const string Times = "Lượt";
    private const string Facilities = "Cơ sở";
    private const string Money = "Triệu đồng";

    public static AnnexForm Coverage { get; } = new(4, "Tỷ lệ bao phủ BHYT", "Tỷ lệ bao phủ BHYT",
    [
        new("1", "Tổng số người dân tham gia BHYT", Persons, "cov_participants"),
        new("2", "Tỷ lệ người dân tham gia BHYT/tổng dân số", Percent, "cov_rate"),
        new("3", "Tổng số hộ gia đình tham gia BHYT", Households, "cov_households"),
        new("4", "Tỷ lệ hộ gia đình tham gia BHYT/Tổng số hộ gia đình", Percent, "cov_household_rate"),
    ], PerChildUnit: true);

    public static AnnexForm Groups { get; } = new(5, "Sự tham gia BHYT của từng đối tượng", "Các loại BHYT",
    [
        new("1", "Số người tham gia BHYT theo các nhóm đối tượng", null, null, Bold: true),
        new("", "Nhóm do người lao động và người sử dụng lao động đóng", Persons, "grp_employer"),
        new("", "Nhóm do Cơ quan BHXH đóng", Persons, "grp_social_insurance"),
        new("", "Nhóm do ngân sách Nhà nước đóng", Persons, "grp_state"),
        new("", "Nhóm do ngân sách Nhà nước hỗ trợ mức đóng", Persons, "grp_state_support"),
        new("", "Nhóm tham gia BHYT hộ gia đình", Persons, "grp_household"),
        new("2", "Tỷ lệ người tham gia BHYT theo các nhóm đối tượng tham gia BHYT trên tổng số người tham gia BHYT (%)", null, null, Bold: true),
        new("", "Nhóm do người lao động và người sử dụng lao động đóng", Percent, "grp_employer_share"),
        new("", "Nhóm do Cơ quan BHXH đóng", Percent, "grp_social_insurance_share"),
        new("", "Nhóm do ngân sách Nhà nước đóng", Percent, "grp_state_share"),
        new("", "Nhóm do ngân sách Nhà nước hỗ trợ mức đóng", Percent, "grp_state_support_share"),
        new("", "Nhóm tham gia BHYT hộ gia đình", Percent, "grp_household_share"),
        new("3", "Tỷ lệ người nghèo được cấp thẻ BHYT/tổng số người nghèo (%)", Percent, "rate_poor", Bold: true),
        new("4", "Tỷ lệ người hưởng chính sách xã hội được cấp thẻ BHYT/tổng số người hưởng chính sách xã hội (%)", Percent, "rate_social_policy", Bold: true),
        new("5", "Tỷ lệ người cận nghèo được cấp thẻ BHYT/tổng số người cận nghèo (%)", Percent, "rate_near_poor", Bold: true),
        new("6", "Tỷ lệ trẻ em dưới 6 tuổi được cấp thẻ BHYT/tổng số trẻ em dưới 6 tuổi (%)", Percent, "rate_under6", Bold: true),
        new("7", "Tỷ lệ người trên 80 tuổi được cấp thẻ BHYT/tổng số người trên 80 tuổi (%)", Percent, "rate_over80", Bold: true),
        new("8", "Tỷ lệ học sinh, sinh viên tham gia BHYT/tổng số học sinh, sinh viên (%)", Percent, "rate_students", Bold: true),
    ], PerChildUnit: true);

    public static AnnexForm Visits { get; } = new(6, "Khám bệnh, chữa bệnh BHYT", "Khám chữa bệnh BHYT",
    [
        new("I", "Số lượt khám chữa bệnh BHYT", null, null, Bold: true),
        new("1", "Tổng số lượt khám chữa bệnh BHYT", Times, "kcb_visits", Bold: true),
        new("", "Tuyến tỉnh", Times, "kcb_visits_province"),
        new("", "Tuyến huyện", Times, "kcb_visits_district"),
        new("", "Tuyến xã", Times, "kcb_visits_commune"),
        new("2", "Tổng số lượt khám chữa bệnh BHYT nội trú", Times, "kcb_inpatient", Bold: true),
        new("", "Tuyến tỉnh", Times, "kcb_inpatient_province"),
        new("", "Tuyến huyện", Times, "kcb_inpatient_district"),
        new("", "Tuyến xã", Times, "kcb_inpatient_commune"),
        new("3", "Tổng số lượt khám chữa bệnh BHYT ngoại trú", Times, "kcb_outpatient", Bold: true),
        new("", "Tuyến tỉnh", Times, "kcb_outpatient_province"),
        new("", "Tuyến huyện", Times, "kcb_outpatient_district"),
        new("", "Tuyến xã", Times, "kcb_outpatient_commune"),
        new("II", "Cơ sở khám chữa bệnh BHYT", null, null, Bold: true),
        new("1", "Tổng số cơ sở khám chữa bệnh BHYT", Facilities, "fac_total"),
        new("", "- Cơ sở y tế nhà nước", Facilities, "fac_public"),
        new("", "- Cơ sở y tế tư nhân", Facilities, "fac_private"),
        new("2", "Tổng số cơ sở khám chữa bệnh BHYT tuyến tỉnh", Facilities, "fac_province"),
        new("3", "Tổng số cơ sở khám chữa bệnh BHYT tuyến huyện", Facilities, "fac_district"),
        new("4", "Tổng số cơ sở khám chữa bệnh BHYT tuyến xã", Facilities, "fac_commune"),
    ], PerChildUnit: false);

    public static AnnexForm Spending { get; } = new(7, "Chi BHYT cho hoạt động khám chữa bệnh", "Số chi BHYT",
    [
        new("1", "Tổng chi khám chữa bệnh BHYT", Money, "spend_kcb"),
        new("2", "Trong đó:", null, null),
        new("", "Chi cho khám chữa bệnh ngoại trú", Money, "spend_outpatient"),
        new("", "Chi cho khám chữa bệnh nội trú", Money, "spend_inpatient"),
        new("", "Chi tiền dịch vụ kỹ thuật", Money, "spend_services"),
        new("", "Chi tiền thuốc", Money, "spend_drugs"),
        new("", "Chi tiền vật tư y tế", Money, "spend_supplies"),
        new("", "Chi tiền khám bệnh và ngày giường nội trú", Money, "spend_exam_bed"),
    ], PerChildUnit: false);

    public static AnnexForm Fund { get; } = new(8, "Số thu – chi Quỹ BHYT", "Số thu Quỹ BHYT",
    [
        new("1", "Tổng số thu BHYT", Money, "fund_revenue"),
        new("2", "Tổng thu BHYT so với kế hoạch được giao (tỷ lệ %)", Percent, "fund_revenue_vs_plan"),
        new("3", "Tổng số chi khám chữa bệnh BHYT", Money, "fund_kcb_spending"),
        new("4", "Tổng chi khám chữa bệnh BHYT so với dự toán được giao (tỷ lệ %)", Percent, "fund_spending_vs_budget"),
    ], PerChildUnit: false);

    public static AnnexForm Staff { get; } = new(9, "Bộ máy tổ chức về BHYT", "Bộ máy tổ chức về BHYT",
    [
        new("I", "Ngành Y tế", null, null, Bold: true),
        new("1", "Số nhân lực làm BHYT tại Sở Y tế", Persons, "staff_doh_bhyt"),
        new("2", "Số thanh tra chuyên ngành về BHYT tại Sở Y tế", Persons, "staff_doh_inspectors"),
        new("II", "Ngành BHXH", null, null, Bold: true),
        new("1", "Số nhân lực làm BHYT ngành BHXH - tuyến tỉnh", Persons, "staff_bhxh_province"),
        new("2", "Số nhân lực làm BHYT ngành BHXH - tuyến huyện", Persons, "staff_bhxh_district"),
        new("3", "Số nhân lực làm BHYT ngành BHXH - tuyến xã", Persons, "staff_bhxh_commune"),
        new("4", "Số nhân lực có trình độ đại học và trên đại học/tổng số nhân lực làm BHYT", Percent, "staff_bhxh_graduate_share"),
        new("5", "Số nhân lực có trình độ chuyên môn về tài chính, kinh tế, bảo hiểm", Persons, "staff_bhxh_finance"),
        new("6", "Số nhân lực có trình độ chuyên môn về y, dược", Persons, "staff_bhxh_medical"),
        new("7", "Số lượng giám định viên BHYT", Persons, "staff_bhxh_assessors"),
        new("8", "Số giám định viên là bác sỹ", Persons, "staff_bhxh_assessor_doctors"),
    ], PerChildUnit: false);

    /// <summary>Phụ lục 4–9 in order.</summary>
    public static IReadOnlyList<AnnexForm> All { get; } = [Coverage, Groups, Visits, Spending, Fund, Staff];

    /// <summary>The forms with these numbers, in form order; an unknown number is refused.</summary>
    public static IReadOnlyList<AnnexForm> Select(IEnumerable<int> numbers)
    {
        var wanted = numbers.ToHashSet();
        if (wanted.FirstOrDefault(n => All.All(f => f.Number != n)) is var unknown && unknown != 0)
            throw new ArgumentException($"Không có Phụ lục {unknown}; chọn trong 4, 5, 6, 7, 8, 9 (--forms).");
        return All.Where(f => wanted.Contains(f.Number)).ToList();
    }

    public static AnnexForm? Find(int number) => All.FirstOrDefault(f => f.Number == number);
}
