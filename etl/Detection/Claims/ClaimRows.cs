namespace Bhyt.Etl.Detection.Claims;

// Dapper-mapped rows of the claim rules' queries (column names as in SQL).
#pragma warning disable IDE1006

/// <summary>One claim as a rule's query returns it, with the month it is filed under.</summary>
internal class ClaimRow
{
    public string claim_id { get; set; } = "";
    public string card_pseudonym { get; set; } = "";
    public string facility_code { get; set; } = "";
    public string? unit_code { get; set; }
    public string visit_type { get; set; } = "";
    public DateTime admitted_at { get; set; }
    public DateTime? discharged_at { get; set; }
    public int? length_of_stay { get; set; }
    public decimal total_cost { get; set; }
    public string period_label { get; set; } = "";
    public DateTime period_start { get; set; }
    public DateTime period_end { get; set; }
    public long span_days { get; set; }
}

/// <summary>A claim the card pass singled out, with which of the card rules it is a candidate for.</summary>
internal sealed class CardPassRow : ClaimRow
{
    public int same_day_elsewhere { get; set; }
    public int stay_overlaps { get; set; }
    public int dense_month { get; set; }
}

/// <summary>Visits of one card in one month (of admission) at one facility.</summary>
internal sealed class CardMonthRow
{
    public string card_pseudonym { get; set; } = "";
    public string facility_code { get; set; } = "";
    public string? unit_code { get; set; }
    public int visit_year { get; set; }
    public int visit_month { get; set; }
    public long visits { get; set; }
}

/// <summary>One bin of the cost histogram: claims of a tier × visit type × length-of-stay band whose ln(cost basis) rounds to <c>bin</c>.</summary>
internal sealed class CostHistogramRow
{
    public int tier { get; set; }
    public string visit_type { get; set; } = "";
    public int band { get; set; }
    public double bin { get; set; }
    public long n { get; set; }
    public decimal low { get; set; }
}

/// <summary>One facility's claims of one visit type in one month: how many, and the sum and sum of squares of their cost residuals.</summary>
internal sealed class FacilityCostRow
{
    public string facility_code { get; set; } = "";
    public int tier { get; set; }
    public string visit_type { get; set; } = "";
    public int month_key { get; set; }
    public long n { get; set; }
    public double s { get; set; }
    public double ss { get; set; }
}

/// <summary>A claim at or above its cell's cost cut, with the basis it was compared on (cost per day for a stay of several days).</summary>
internal sealed class CostRow : ClaimRow
{
    public int tier { get; set; }
    public int band { get; set; }
    public decimal cost_basis { get; set; }
    public int month_key { get; set; }

    /// <summary>True when the claim is compared by its cost per treatment day (see <see cref="ClaimRuleSql.CostBasis"/>).</summary>
    public bool PerDay => cost_basis != total_cost;
}
#pragma warning restore IDE1006
