using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace Bhyt.Etl.Detection.Facilities;

/// <summary>
/// The multivariate score of a facility-month: ML.NET's <c>RandomizedPca</c> anomaly detector, with a fixed seed, trained on
/// the standardised deviations (the peer-adjusted own z of each <see cref="FacilityFeature.InPca"/> feature, divided by the
/// column's robust spread and clamped) of the ordinary facility-months — those with no deviation beyond <see cref="FacilityThresholds.TrainZ"/>: in a province
/// a few hundred months are compared, and a jump lasting a year at one facility would otherwise become a principal
/// component of its own and explain itself. The usual co-movements of the features (more cards with more visits, a heavier case mix with longer
/// stays and higher cost) span the model's principal components; a month's reconstruction residual is what those do not
/// explain. ML.NET scores a point by its residual divided by its distance from the mean (the same for a small and a large
/// departure in one direction) and has no contribution API, so the residual vector is computed here from the trained
/// model's eigenvectors and mean: its norm is the score and each feature's share of its squared norm names the features
/// that make the month unusual.
/// </summary>
public sealed class ProfileModel
{
    private readonly float[][] _components;
    private readonly float[] _mean;
    private readonly double[] _columnScale;
    private readonly double[] _sortedScores;

    /// <summary>The features the model reads, in column order.</summary>
    public IReadOnlyList<FacilityFeature> Features { get; }

    private ProfileModel(IReadOnlyList<FacilityFeature> features, double[] columnScale, float[][] components, float[] mean, double[] sortedScores)
    {
        Features = features;
        _columnScale = columnScale;
        _components = components;
        _mean = mean;
        _sortedScores = sortedScores;
    }

    private sealed class Row
    {
        public float[] Features { get; set; } = [];
    }

    /// <summary>Trains the model on the months' standardised deviations; null when there are too few months to learn from.</summary>
    public static ProfileModel? Train(IReadOnlyList<ProfiledMonth> months, FacilityThresholds t)
    {
        var features = Columns.Select(i => FacilityFeature.All[i]).ToList();
        var rank = Math.Min(t.PcaRank, features.Count - 1);
        if (months.Count < 4 * features.Count) return null;
        var raw = months.Select(m => Vector(m)).ToList();
        var columnScale = ColumnScales(Sample(raw), features.Count);
        var matrix = raw.Select(v => Standardised(v, columnScale, t)).ToList();
        var ordinary = matrix.Where(v => v.All(z => Math.Abs(z) <= t.TrainZ)).ToList();
        var training = Sample(ordinary.Count >= 4 * features.Count ? ordinary : matrix);

        var ml = new MLContext(seed: t.PcaSeed);
        var schema = SchemaDefinition.Create(typeof(Row));
        schema[nameof(Row.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, features.Count);
        var data = ml.Data.LoadFromEnumerable(training.Select(v => new Row { Features = v }), schema);
        var trainer = ml.AnomalyDetection.Trainers.RandomizedPca(new RandomizedPcaTrainer.Options
        {
            FeatureColumnName = nameof(Row.Features), Rank = rank, Seed = t.PcaSeed, EnsureZeroMean = true,
        });
        var parameters = trainer.Fit(data).Model;
        VBuffer<float>[] eigenVectors = [];
        parameters.GetEigenVectors(ref eigenVectors, out var trained);
        VBuffer<float> mean = default;
        parameters.GetMean(ref mean);
        var components = eigenVectors.Take(trained).Select(v => v.DenseValues().ToArray()).ToArray();
        var meanValues = mean.Length == features.Count ? mean.DenseValues().ToArray() : new float[features.Count];

        var model = new ProfileModel(features, columnScale, components, meanValues, []);
        var scores = matrix.Select(v => Math.Sqrt(model.Residual(v).Sum(r => r * r))).ToArray();
        Array.Sort(scores);
        return new ProfileModel(features, columnScale, components, meanValues, scores);
    }

    /// <summary>Every k-th row, at most <see cref="MaxTrainingMonths"/>: a few tens of thousands of months fix nine principal directions.</summary>
    private static List<T> Sample<T>(List<T> rows)
    {
        var stride = (rows.Count + MaxTrainingMonths - 1) / MaxTrainingMonths;
        return stride > 1 ? rows.Where((_, i) => i % stride == 0).ToList() : rows;
    }

    /// <summary>The model's columns as indexes of <see cref="FacilityFeature.All"/>.</summary>
    private static readonly int[] Columns = Enumerable.Range(0, FacilityFeature.All.Count).Where(i => FacilityFeature.All[i].InPca).ToArray();

    /// <summary>A month's deviations (own z), in the model's column order (0 where a feature has no value).</summary>
    private static double[] Vector(ProfiledMonth m)
    {
        var v = new double[Columns.Length];
        for (var j = 0; j < v.Length; j++) v[j] = m.OwnZ[Columns[j]] is var z && float.IsNaN(z) ? 0 : z;
        return v;
    }

    /// <summary>
    /// The robust spread (MAD) of each column over all months: a feature whose z-scores spread wider or narrower than 1 (its
    /// own scale under- or overestimated) must not take a principal component for itself, or hide, by its variance alone.
    /// </summary>
    private static double[] ColumnScales(List<double[]> rows, int columns) =>
        Enumerable.Range(0, columns).Select(j =>
        {
            var values = rows.Select(r => r[j]).ToList();
            return Math.Max(MinColumnScale, RobustStats.ScaledMad(values, RobustStats.Median(values)));
        }).ToArray();

    private const int MaxTrainingMonths = 50_000;

    /// <summary>A column whose z-scores hardly move (a feature that never varies) is not blown up beyond ×10.</summary>
    private const double MinColumnScale = 0.1;

    /// <summary>The standardised, clamped row the model reads.</summary>
    private static float[] Standardised(double[] v, double[] scale, FacilityThresholds t)
    {
        var s = new float[v.Length];
        for (var j = 0; j < v.Length; j++) s[j] = (float)Math.Clamp(v[j] / scale[j], -t.ZClamp, t.ZClamp);
        return s;
    }

    /// <summary>x − mean minus its projection on the principal components.</summary>
    private double[] Residual(float[] x)
    {
        var centred = new double[x.Length];
        for (var j = 0; j < x.Length; j++) centred[j] = (double)x[j] - _mean[j];
        var residual = (double[])centred.Clone();
        foreach (var component in _components)
        {
            var projection = 0.0;
            for (var j = 0; j < centred.Length; j++) projection += component[j] * centred[j];
            for (var j = 0; j < centred.Length; j++) residual[j] -= projection * component[j];
        }
        return residual;
    }

    /// <summary>The score of a month, the share of all months scoring strictly below it, and each feature's share of its residual.</summary>
    public ProfileScore Score(ProfiledMonth month, FacilityThresholds t)
    {
        var residual = Residual(Standardised(Vector(month), _columnScale, t));
        var squared = residual.Sum(r => r * r);
        var score = Math.Sqrt(squared);
        var found = Array.BinarySearch(_sortedScores, score);
        var rank = found >= 0 ? found : ~found;
        while (rank > 0 && _sortedScores[rank - 1] >= score) rank--;
        var shares = Features.Select((f, j) => new ResidualShare(f, squared > 0 ? residual[j] * residual[j] / squared : 1.0 / Features.Count))
            .OrderByDescending(s => s.Share).ToList();
        return new ProfileScore(score, _sortedScores.Length == 0 ? 0 : (double)rank / _sortedScores.Length, shares);
    }
}

/// <summary>A feature's share of a month's squared reconstruction residual (the shares of a month sum to 1).</summary>
public sealed record ResidualShare(FacilityFeature Feature, double Share);

/// <summary>A month's multivariate score: the norm of its residual, its quantile among all months, and the shares, largest first.</summary>
public sealed record ProfileScore(double Score, double Quantile, IReadOnlyList<ResidualShare> Shares);
