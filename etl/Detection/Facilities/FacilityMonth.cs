namespace Bhyt.Etl.Detection.Facilities;

/// <summary>One facility-month profile (<c>dw.fct_facility_month</c>, month of discharge), with the facility's tier and ownership.</summary>
public sealed class FacilityMonth
{
    public string facility_code { get; set; } = "";
    public string facility_name { get; set; } = "";
    public int tier { get; set; }
    public string ownership { get; set; } = "";
    public string? unit_code { get; set; }
    public string period_label { get; set; } = "";
    public DateTime period_start { get; set; }
    public DateTime period_end { get; set; }
    public double claims { get; set; }
    public double cards { get; set; }
    public double out_of_province_cards { get; set; }
    public double inpatient { get; set; }
    public double inpatient_days { get; set; }
    public double total_cost { get; set; }
    public double inpatient_cost { get; set; }

    /// <summary>Sums of the squared claim costs of outpatient visits and of inpatient stays: the spread of claim costs within the month.</summary>
    public double outpatient_cost_squares { get; set; }
    public double inpatient_cost_squares { get; set; }
    public double insurer_paid { get; set; }
    public double drug_cost { get; set; }
    public double supplies_cost { get; set; }

    /// <summary>Outpatient visits and inpatient stays with a cost, and the sums of ln(cost) and of its squares: their typical (geometric mean) cost and its spread.</summary>
    public double outpatient_costed { get; set; }
    public double outpatient_log_cost { get; set; }
    public double outpatient_log_squares { get; set; }
    public double inpatient_costed { get; set; }
    public double inpatient_log_cost { get; set; }
    public double inpatient_log_squares { get; set; }

    /// <summary>
    /// Claims with a cost and the sum and sum of squares of their cost residuals — ln(cost basis) minus the median of
    /// claims of the same tier, visit type and length-of-stay band (<see cref="CaseMixIndex"/>); 0 when not attached.
    /// </summary>
    public double case_mix_costed { get; set; }
    public double case_mix_log { get; set; }
    public double case_mix_squares { get; set; }

    public double outpatient => claims - inpatient;
    public double outpatient_cost => total_cost - inpatient_cost;

    /// <summary>Months since year 0: consecutive months differ by one.</summary>
    public int MonthIndex => period_start.Year * 12 + period_start.Month - 1;
}
