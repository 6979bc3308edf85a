using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using Bhyt.Warehouse;
using Bhyt.Warehouse.Engines;
using Bhyt.Warehouse.Periods;
using Dapper;

namespace Bhyt.Benchmarks;

/// <summary>
/// Builds a DuckDB warehouse of <c>claims</c> claims inside DuckDB itself (INSERT … SELECT from <c>range()</c>, no rows
/// through .NET), shaped like a province's three years of KCB claims:
/// <list type="bullet">
/// <item>Facilities: one per 25,000 claims (at least 200); per hundred, 1 central (tier 1), 7 provincial (tier 2),
/// 27 district (tier 3) and 65 commune stations (tier 4). Exams mostly at the card's home commune station, stays at a
/// hospital (tiers 1–3).</item>
/// <item>Cards: a pool of one card per six claims (64-hex pseudonyms); a card's visits are spread over 2022–2024 at least
/// 31 days apart, so normal data holds no same-day or overlapping visits by construction.</item>
/// <item>Visit types 85 % exam, 8 % outpatient, 7 % inpatient; stays of 1–30 days recorded under either counting
/// convention; costs log-normal by tier × visit type, with a 3 % heavier-tailed component (normal, not planted).</item>
/// <item>Planted, a few hundred of each at hash-chosen positions among the normal rows, on cards of their own:
/// same-day exams at two facilities (pairs), overlapping stays at two hospitals (pairs), 25 visits of one card in a
/// month, a length of stay 3–20 days beyond its dates, a cost 50–300 times its peers' median. Their claim ids are
/// kept in <c>main.bench_planted(kind, claim_id)</c> (<c>card_overuse</c>: the card's pseudonym).</item>
/// </list>
/// Deterministic: every draw is a hash of the row number and a salt.
/// </summary>
public static class SyntheticClaimsWarehouse
{
    /// <summary>Planted subjects per kind (approximately: chosen by hash).</summary>
    private const int PlantedPerKind = 300;

    public static async Task BuildAsync(string path, long claims)
    {
        var clock = Stopwatch.StartNew();
        var engine = WarehouseEngine.For(WarehouseTarget.Parse(path));
        await new WarehouseInitializer(engine).InitAsync(CancellationToken.None);
        await using var connection = await engine.OpenAsync(CancellationToken.None);
        await EnsureMonthsAsync(engine, connection);
        var facilities = Math.Max(200, claims / 25_000 / 100 * 100);
        var cards = Math.Max(1, claims / 6);
        var visitsPerCard = (claims + cards - 1) / cards;
        var p = new
        {
            claims, facilities, cards,
            spacing = 1064 / visitsPerCard,
            blockOdds = Math.Max(1, claims / 25 / (3 * PlantedPerKind)),
            rowOdds = Math.Max(1, claims / PlantedPerKind),
            hospitals = facilities / 100,
        };
        await ExecAsync(connection, "SET preserve_insertion_order = false", p);
        await ExecAsync(connection, """
            INSERT INTO dw.dim_facility (facility_key, facility_code, name, tier, ownership, unit_key, unit_code, province_code, submission_id)
            SELECT f + 1, printf('%05d', 10000 + f), 'Cơ sở KCB ' || f,
                   CASE WHEN f % 100 = 0 THEN 1 WHEN f % 100 < 8 THEN 2 WHEN f % 100 < 35 THEN 3 ELSE 4 END,
                   CASE WHEN f % 10 = 9 THEN 'private' ELSE 'public' END, NULL, printf('%03d', 600 + f // 100), '68', NULL
            FROM range($facilities) t(f)
            """, p);
        await ExecAsync(connection, "CREATE OR REPLACE TEMP MACRO u(x, salt) AS hash(x * 1000 + salt) / 18446744073709551616.0", p);
        await ExecAsync(connection, "CREATE OR REPLACE TEMP MACRO gauss(x, salt) AS sqrt(-2 * ln(1 - u(x, salt))) * cos(2 * pi() * u(x, salt + 1))", p);
        await ExecAsync(connection, """
            CREATE OR REPLACE TEMP TABLE plan AS
            WITH r AS (
                SELECT i, i // 25 AS blk, i % 25 AS pos,
                       CASE WHEN hash((i // 25) * 1000 + 11) % $blockOdds = 0 THEN (['use', 'dup', 'ovl'])[1 + CAST(hash((i // 25) * 1000 + 12) % 3 AS BIGINT)] END AS block_kind
                FROM range($claims) t(i)
            )
            SELECT i, blk, pos,
                   CASE WHEN block_kind = 'use' OR (block_kind IN ('dup', 'ovl') AND pos < 2) THEN block_kind
                        WHEN hash((i) * 1000 + 13) % $rowOdds = 0 THEN 'los'
                        WHEN hash((i) * 1000 + 14) % $rowOdds = 0 THEN 'cost' END AS planted
            FROM r
            WHERE block_kind IS NOT NULL OR hash((i) * 1000 + 13) % $rowOdds = 0 OR hash((i) * 1000 + 14) % $rowOdds = 0
            """, p);
        // One row per claim: card, day (days after 2022-01-01), facility index, visit type, stay days, recorded LOS, cost.
        await ExecAsync(connection, """
            INSERT INTO dw.fct_claim
            WITH r AS (
                SELECT t.i, pl.planted, t.i // 25 AS blk, t.i % 25 AS pos
                FROM range($claims) t(i) LEFT JOIN plan pl ON pl.i = t.i
            ), c AS (
                SELECT i, planted,
                       CASE WHEN planted IN ('use', 'dup', 'ovl') THEN $cards + blk ELSE i % $cards END AS card,
                       CASE WHEN planted = 'use' THEN 'exam'
                            WHEN planted = 'dup' THEN 'exam'
                            WHEN planted IN ('ovl', 'los') THEN 'inpatient'
                            WHEN u(i, 1) < 0.85 THEN 'exam' WHEN u(i, 1) < 0.93 THEN 'outpatient' ELSE 'inpatient' END AS visit_type,
                       CAST(CASE WHEN planted = 'use' THEN date_diff('day', DATE '2022-01-01', date_trunc('month', DATE '2022-01-01' + CAST(hash((blk) * 1000 + 3) % 1000 AS INTEGER))) + pos
                            WHEN planted IN ('dup', 'ovl') THEN CAST(hash((blk) * 1000 + 3) % 1000 AS INTEGER) + CASE WHEN planted = 'ovl' THEN 2 * pos ELSE 0 END
                            ELSE CAST((i // $cards) * $spacing + hash((i) * 1000 + 2) % ($spacing - 31) AS INTEGER) END AS INTEGER) AS day,
                       CAST(CASE WHEN planted = 'ovl' THEN 6 - pos ELSE 1 + least(29, floor(-ln(1 - u(i, 4)) * 4)) END AS INTEGER) AS stay_days,
                       blk, pos
                FROM r
            ), f AS (
                SELECT *, CASE WHEN planted = 'ovl' THEN 0 ELSE coalesce(pos, 0) END AS slot,
                       CASE WHEN visit_type = 'inpatient' OR planted = 'dup' AND pos = 1 OR planted = 'use' AND pos % 3 = 0
                            THEN 100 * (hash(card * 1000 + 5 + slot) % $hospitals) + (hash(card * 1000 + 30 + slot) + CASE WHEN planted = 'ovl' THEN pos ELSE 0 END) % 35
                            WHEN u(i, 7) < 0.7 OR planted IS NOT NULL
                            THEN 100 * (hash((card) * 1000 + 5) % $hospitals) + 35 + hash((card) * 1000 + 8) % 65
                            ELSE hash((i) * 1000 + 9) % $facilities END AS facility
                FROM c
            ), s AS (
                SELECT *, DATE '2022-01-01' + day AS admitted_day,
                       DATE '2022-01-01' + day + CASE WHEN visit_type = 'inpatient' THEN stay_days ELSE 0 END AS discharged_day,
                       CASE WHEN facility % 100 = 0 THEN 1 WHEN facility % 100 < 8 THEN 2 WHEN facility % 100 < 35 THEN 3 ELSE 4 END AS tier
                FROM f
            )
            SELECT i + 1 AS claim_key,
                   printf('%05d%s%09d', 10000 + facility, CASE visit_type WHEN 'exam' THEN 'K' WHEN 'outpatient' THEN 'N' ELSE 'T' END, i) AS claim_id,
                   printf('%016x%016x%016x%016x', hash((card) * 1000 + 21), hash((card) * 1000 + 22), hash((card) * 1000 + 23), hash((card) * 1000 + 24)) AS card_pseudonym,
                   facility + 1, printf('%05d', 10000 + facility), '68', visit_type,
                   CASE visit_type WHEN 'exam' THEN '1' WHEN 'outpatient' THEN '2' ELSE '3' END,
                   admitted_day + INTERVAL 7 HOUR + to_minutes(CAST(hash((i) * 1000 + 10) % 600 AS BIGINT)) AS admitted_at,
                   discharged_day + INTERVAL 10 HOUR + to_minutes(CAST(hash((i) * 1000 + 10) % 600 AS BIGINT)) AS discharged_at,
                   pm.period_key AS month_key,
                   CASE WHEN visit_type <> 'inpatient' THEN 0
                        WHEN planted = 'los' THEN stay_days + 1 + 3 + CAST(hash((i) * 1000 + 15) % 18 AS INTEGER)
                        WHEN u(i, 16) < 0.5 THEN stay_days ELSE stay_days + 1 END AS length_of_stay,
                   'J18', CAST(cost AS DECIMAL(18, 2)), CAST(cost * 0.8 AS DECIMAL(18, 2)), CAST(cost * 0.2 AS DECIMAL(18, 2)),
                   CAST(cost * 0.4 AS DECIMAL(18, 2)), CAST(cost * 0.1 AS DECIMAL(18, 2)), 1, CAST(i % 1000000 AS INTEGER), NULL, NULL
            FROM (
                SELECT s.*,
                       round((CASE tier WHEN 1 THEN 600000 WHEN 2 THEN 350000 WHEN 3 THEN 220000 ELSE 90000 END)
                             * (CASE visit_type WHEN 'exam' THEN 1 WHEN 'outpatient' THEN 1.8 ELSE 12 + 3 * stay_days END)
                             * exp((CASE visit_type WHEN 'exam' THEN 0.5 WHEN 'outpatient' THEN 0.6 ELSE 0.7 END)
                                   * (CASE WHEN u(i, 17) < 0.03 THEN 1.4 ELSE 1 END) * gauss(i, 18))
                             * (CASE WHEN planted = 'cost' THEN 50 + hash((i) * 1000 + 20) % 250 ELSE 1 END), -2) AS cost
                FROM s
            ) x
            JOIN dw.dim_period pm ON pm.kind = 'month' AND pm.label = strftime(x.discharged_day, '%Y-%m')
            """, p);
        await ExecAsync(connection, """
            CREATE OR REPLACE TABLE main.bench_planted AS
            SELECT DISTINCT pl.planted AS kind,
                   CASE WHEN pl.planted = 'use' THEN c.card_pseudonym ELSE c.claim_id END AS subject
            FROM plan pl JOIN dw.fct_claim c ON c.claim_key = pl.i + 1
            WHERE pl.planted IS NOT NULL
            """, p);
        var count = await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM dw.fct_claim");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"built {path}: {count:N0} claims, {facilities:N0} facilities, {cards:N0} cards in {clock.Elapsed.TotalSeconds:N1} s"));
    }

    /// <summary>The planted subjects of a warehouse built here, by rule kind (empty for another warehouse).</summary>
    public static async Task<ILookup<string, string>> PlantedAsync(DbConnection connection)
    {
        var exists = await connection.ExecuteScalarAsync<long>(
            "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'main' AND table_name = 'bench_planted'");
        if (exists == 0) return Array.Empty<(string, string)>().ToLookup(r => r.Item1, r => r.Item2);
        var rows = await connection.QueryAsync<(string Kind, string Subject)>("SELECT kind, subject FROM main.bench_planted");
        return rows.ToLookup(r => r.Kind switch
        {
            "use" => "card_overuse", "dup" => "duplicate_claim", "ovl" => "overlapping_stay", "los" => "stay_length_mismatch",
            _ => "claim_cost_outlier",
        }, r => r.Subject);
    }

    private static async Task EnsureMonthsAsync(IWarehouseEngine engine, DbConnection connection)
    {
        await using var transaction = await connection.BeginTransactionAsync();
        var months = Enumerable.Range(0, 40).Select(m => Period.Month(2022 + m / 12, 1 + m % 12));
        await new PeriodStore(engine).EnsureAsync(connection, transaction, months, CancellationToken.None);
        await transaction.CommitAsync();
    }

    /// <summary>Runs <paramref name="sql"/> with each <c>$name</c> replaced by the literal value of that property of
    /// <paramref name="parameters"/> (all numbers: DuckDB plans <c>range(n)</c> and <c>% n</c> better over constants).</summary>
    private static async Task ExecAsync(DbConnection connection, string sql, object parameters)
    {
        var clock = Stopwatch.StartNew();
        foreach (var property in parameters.GetType().GetProperties().OrderByDescending(p => p.Name.Length))
            sql = sql.Replace("$" + property.Name, Convert.ToString(property.GetValue(parameters), CultureInfo.InvariantCulture), StringComparison.Ordinal);
        await connection.ExecuteAsync(new CommandDefinition(sql, commandTimeout: 3600));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {clock.Elapsed.TotalSeconds,6:N1} s  {sql.Split('\n')[0].Trim()}"));
    }
}
