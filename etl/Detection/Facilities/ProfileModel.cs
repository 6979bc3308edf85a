using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace Bhyt.Etl.Detection.Facilities;

/// <summary>
/// The multivariate score of a facility-month: ML.NET's <c>RandomizedPca</c> anomaly detector, with a fixed seed, trained on
/// the standardised deviations (the peer-adjusted own z of each <see cref="FacilityFeature.InPca"/> feature, clamped) of the
/// ordinary facility-months — those with no single deviation beyond <see cref="FacilityThresholds.TrainZ"/>: in a province
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
        var features = FacilityFeature.All.Where(f => f.InPca).ToList();
        var rank = Math.Min(t.PcaRank, features.Count - 1);
        if (months.Count < 4 * features.Count) return null;
        var matrix = months.Select(m => Vector(m, features, t)).ToList();
        var ordinary = matrix.Where(v => v.All(z => Math.Abs(z) <= t.TrainZ)).ToList();
        var training = ordinary.Count >= 4 * features.Count ? ordinary : matrix;
        var columnScale = ColumnScales(training, features.Count, t);
        matrix = matrix.Select(v => Standardised(v, columnScale)).ToList();
        training = training.Select(v => Standardised(v, columnScale)).ToList();

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
        var scores = matrix.Select(v => Math.Sqrt(model.Residual(v).Sum(r => r * r))).Order().ToArray();
        return new ProfileModel(features, columnScale, components, meanValues, scores);
    }

    /// <summary>A month's standardised deviations, in the model's column order (0 where a feature has no value).</summary>
    private static float[] Vector(ProfiledMonth m, IReadOnlyList<FacilityFeature> features, FacilityThresholds t) =>
        features.Select(f => m.Deviations[IndexOf(f)] is { } d ? (float)Math.Clamp(d.OwnZ, -t.ZClamp, t.ZClamp) : 0f).ToArray();

    /// <summary>
    /// The robust spread of each column over the ordinary months: a feature whose z-scores spread wider than 1 (its own
    /// scale underestimated) must not take a principal component for itself by its variance alone.
    /// </summary>
    private static double[] ColumnScales(List<float[]> rows, int columns, FacilityThresholds t) =>
        Enumerable.Range(0, columns).Select(j =>
        {
            var values = rows.Select(r => (double)r[j]).ToList();
            var spread = RobustStats.ScaledMad(values, RobustStats.Median(values));
            return spread > 0.1 ? spread : 1;
        }).ToArray();

    private static float[] Standardised(float[] v, double[] scale) => v.Select((z, j) => (float)(z / scale[j])).ToArray();

    private static int IndexOf(FacilityFeature f)
    {
        for (var i = 0; i < FacilityFeature.All.Count; i++)
            if (FacilityFeature.All[i] == f) return i;
        throw new ArgumentException(f.Code);
    }

    /// <summary>x − mean minus its projection on the principal components.</summary>
    private double[] Residual(float[] x)
    {
        var centred = x.Select((v, j) => (double)v - _mean[j]).ToArray();
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
        var residual = Residual(Standardised(Vector(month, Features, t), _columnScale));
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
