using System.Security.Cryptography;
using System.Text;
using Bhyt.Etl.Alerts.Delivery;

namespace Bhyt.Tests.Etl.Alerts;

public sealed class WebhookSignatureTests
{
    [Fact]
    public void Sign_is_the_hex_hmac_sha256_of_timestamp_dot_body()
    {
        const string body = "{\"alert_id\":7,\"message\":\"Tỷ lệ bao phủ giảm\"}";
        var expected = Convert.ToHexStringLower(new HMACSHA256(Encoding.UTF8.GetBytes("bi-mat")).ComputeHash(Encoding.UTF8.GetBytes("1764316800." + body)));

        Assert.Equal("sha256=" + expected, WebhookSignature.Sign("bi-mat", 1764316800, body));
    }

    [Theory]
    [InlineData("bi-mat", "1764316800", "{\"a\":1}", true)]
    [InlineData("khoa-khac", "1764316800", "{\"a\":1}", false)]
    [InlineData("bi-mat", "1764316801", "{\"a\":1}", false)]
    [InlineData("bi-mat", "1764316800", "{\"a\":2}", false)]
    [InlineData("bi-mat", "khong-phai-so", "{\"a\":1}", false)]
    public void IsValid_only_for_the_same_secret_timestamp_and_body(string secret, string timestamp, string body, bool valid)
    {
        var signature = WebhookSignature.Sign("bi-mat", 1764316800, "{\"a\":1}");

        Assert.Equal(valid, WebhookSignature.IsValid(secret, timestamp, body, signature));
    }
}
