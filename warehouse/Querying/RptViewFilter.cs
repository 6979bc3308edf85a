namespace Bhyt.Warehouse.Querying;

/// <summary>How a scoped analyst's session limits one <c>rpt</c> view (see <see cref="RptViewScopes"/>).</summary>
public enum RptViewFilter
{
    /// <summary>A code list the same for everyone (indicators, periods, derivations): shown whole.</summary>
    Reference,

    /// <summary>Rows whose unit column (<see cref="RptViewScope.Columns"/>[0]) is in the scope.</summary>
    Unit,

    /// <summary>Rows where either of two unit columns is in the scope (a succession link touching it).</summary>
    EitherUnit,

    /// <summary>Rows of facilities whose unit or province is in the scope (facility column first).</summary>
    Facility,

    /// <summary>Rows of alerts raised for a unit in the scope (alert id column first).</summary>
    Alert,

    /// <summary>National data without a unit: hidden from every scoped session.</summary>
    CountryOnly,

    /// <summary>Never through the console, whoever asks (the audit log: administrators read it on Nhật ký).</summary>
    Hidden,
}
