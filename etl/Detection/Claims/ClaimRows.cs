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

/// <summary>Peers of one facility tier × visit type: how many, their median cost basis and the median absolute deviation of its logarithm.</summary>
internal sealed class CostPeersRow
{
    public int tier { get; set; }
    public string visit_type { get; set; } = "";
    public long peers { get; set; }
    public decimal med_cost { get; set; }
    public double mad { get; set; }
}

/// <summary>A claim at or above its peers' cost cut, with the basis it was compared on (cost per day for a stay of several days).</summary>
internal sealed class CostRow : ClaimRow
{
    public int tier { get; set; }
    public decimal cost_basis { get; set; }

    /// <summary>Claims of the same visit type at the same facility in the same month (this one included), and the sum of their ln(cost basis).</summary>
    public long month_n { get; set; }
    public double month_ln { get; set; }

    /// <summary>The same over every month of the facility.</summary>
    public long all_n { get; set; }
    public double all_ln { get; set; }

    /// <summary>True when the claim is compared by its cost per treatment day (see <see cref="ClaimRuleSql.CostBasis"/>).</summary>
    public bool PerDay => cost_basis != total_cost;
}
#pragma warning restore IDE1006
