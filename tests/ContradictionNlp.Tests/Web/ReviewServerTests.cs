using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using ContradictionNlp.Review;
using ContradictionNlp.Store;
using ContradictionNlp.Tests.EndToEnd;
using ContradictionNlp.Tests.Review;
using ContradictionNlp.Tests.Store;
using ContradictionNlp.Web;

namespace ContradictionNlp.Tests.Web;

/// <summary>The review server in-process on 127.0.0.1 with a free port, over a fresh fixture store.</summary>
public sealed partial class ServerHarness : IAsyncDisposable
{
    private readonly TempDir _dir = new();
    public string Db { get; }
    public ReviewServer Server { get; private set; } = null!;
    public HttpClient Client { get; private set; } = null!;
    public Uri Base { get; private set; } = null!;

    private ServerHarness() => Db = ReviewFixture.NewStore(_dir);

    public static async Task<ServerHarness> StartAsync()
    {
        var h = new ServerHarness();
        h.Server = await ReviewServer.StartAsync(new ReviewServerOptions(h.Db, ["http://127.0.0.1:0"], "web-test"));
        h.Base = new Uri(h.Server.Addresses.Single());
        // The cookie container keeps the page's SameSite cookie as a browser would.
        h.Client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = h.Base };
        return h;
    }

    /// <summary>Loads a page (which sets the cookie) and returns the token from its meta tag.</summary>
    public async Task<string> TokenAsync(string page = "/")
    {
        var html = await Client.GetStringAsync(page);
        return TokenMeta().Match(html).Groups[1].Value;
    }

    [GeneratedRegex("<meta name=\"cnlp-token\" content=\"([0-9A-F]+)\">")]
    private static partial Regex TokenMeta();

    public async Task<HttpResponseMessage> PostVerdictAsync(long pairId, string body, string? token)
    {
        var req = new HttpRequestMessage(HttpMethod.Post, $"/api/pairs/{pairId}/verdict") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (token is not null) req.Headers.Add(ReviewServer.TokenHeader, token);
        return await Client.SendAsync(req);
    }

    public IReadOnlyList<StoredReview> Reviews()
    {
        using var store = ClaimStore.Open(Db);
        return store.ListReviews();
    }

    public long FirstFlagged()
    {
        using var store = ClaimStore.Open(Db);
        return store.ListPairs(0.5)[0].Id;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Server.DisposeAsync();
        _dir.Dispose();
    }
}

public class ReviewServerTests
{
    private static async Task<string> ErrorOf(HttpResponseMessage r)
    {
        using var doc = JsonDocument.Parse(await r.Content.ReadAsStringAsync());
        return doc.RootElement.GetProperty("error").GetString()!;
    }

    [RealModelsFact]
    public async Task Verdict_without_token_is_403_and_stores_nothing()
    {
        await using var h = await ServerHarness.StartAsync();
        var id = h.FirstFlagged();
        var none = await h.PostVerdictAsync(id, """{"verdict":"contradiction"}""", null);
        Assert.Equal(HttpStatusCode.Forbidden, none.StatusCode);
        Assert.Contains("anti-forgery token", await ErrorOf(none));
        var wrong = await h.PostVerdictAsync(id, """{"verdict":"contradiction"}""", new string('A', 64));
        Assert.Equal(HttpStatusCode.Forbidden, wrong.StatusCode);
        // The right header without the page's cookie (a fresh client) is refused too.
        var token = await h.TokenAsync();
        using var bare = new HttpClient { BaseAddress = h.Base };
        var req = new HttpRequestMessage(HttpMethod.Post, $"/api/pairs/{id}/verdict") { Content = new StringContent("""{"verdict":"contradiction"}""") };
        req.Headers.Add(ReviewServer.TokenHeader, token);
        Assert.Equal(HttpStatusCode.Forbidden, (await bare.SendAsync(req)).StatusCode);
        Assert.Empty(h.Reviews());
    }

    [RealModelsFact]
    public async Task Verdict_with_token_is_stored_shown_and_a_double_submission_is_one_row()
    {
        await using var h = await ServerHarness.StartAsync();
        var id = h.FirstFlagged();
        var token = await h.TokenAsync($"/pairs/{id}");
        var r = await h.PostVerdictAsync(id, """{"verdict":"contradiction"}""", token);
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        using (var doc = JsonDocument.Parse(await r.Content.ReadAsStringAsync()))
        {
            Assert.True(doc.RootElement.GetProperty("added").GetBoolean());
            Assert.Equal(1, doc.RootElement.GetProperty("progress").GetProperty("reviewed").GetInt32());
        }
        var again = await h.PostVerdictAsync(id, """{"verdict":"contradiction"}""", token);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var row = Assert.Single(h.Reviews());
        Assert.Equal((id, Verdicts.Contradiction, "web-test"), (row.PairId, row.Verdict, row.Reviewer));

        var page = await h.Client.GetStringAsync($"/pairs/{id}");
        Assert.Contains("<span id=\"verdict\" class=\"verdict\">contradiction</span>", page);
        using var api = JsonDocument.Parse(await h.Client.GetStringAsync($"/api/pairs/{id}"));
        Assert.Equal("contradiction", api.RootElement.GetProperty("pair").GetProperty("verdict").GetString());
        Assert.Equal(1, api.RootElement.GetProperty("history").GetArrayLength());
    }

    [RealModelsFact]
    public async Task Bad_requests_get_clear_4xx_json_and_change_nothing()
    {
        await using var h = await ServerHarness.StartAsync();
        var id = h.FirstFlagged();
        var token = await h.TokenAsync();

        var missing = await h.PostVerdictAsync(987_654, """{"verdict":"contradiction"}""", token);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Contains("No pair with id 987654", await ErrorOf(missing));

        var malformed = await h.PostVerdictAsync(id, """{"verdict":""", token);
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Contains("not valid JSON", await ErrorOf(malformed));

        var unknown = await h.PostVerdictAsync(id, """{"verdict":"maybe"}""", token);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("'maybe'", await ErrorOf(unknown));

        var big = await h.PostVerdictAsync(id, "{\"verdict\":\"" + new string('x', 10_000) + "\"}", token);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, big.StatusCode);

        var route = await h.Client.GetAsync("/no/such/page");
        Assert.Equal(HttpStatusCode.NotFound, route.StatusCode);
        Assert.Contains("No such route: GET /no/such/page", await ErrorOf(route));

        var noPair = await h.Client.GetAsync("/api/pairs/987654");
        Assert.Equal(HttpStatusCode.NotFound, noPair.StatusCode);

        var badFilter = await h.Client.GetAsync("/api/pairs?status=pending");
        Assert.Equal(HttpStatusCode.BadRequest, badFilter.StatusCode);
        Assert.Contains("status must be one of", await ErrorOf(badFilter));

        var foreignHost = new HttpRequestMessage(HttpMethod.Get, "/");
        foreignHost.Headers.Host = "attacker.example";
        Assert.Equal(HttpStatusCode.BadRequest, (await h.Client.SendAsync(foreignHost)).StatusCode);

        Assert.Empty(h.Reviews());
    }

    [RealModelsFact]
    public async Task Pages_encode_hostile_article_text()
    {
        await using var h = await ServerHarness.StartAsync();
        long hostile;
        using (var store = ClaimStore.Open(h.Db))
            hostile = store.ListPairs(0).Single(p => p.A.Claim.ContentText.Contains("<script>", StringComparison.Ordinal) && p.B.Claim.ContentText.Contains("pwned", StringComparison.Ordinal)).Id;
        foreach (var url in new[] { $"/pairs/{hostile}", "/?min=0&status=all", "/speakers/dana-whitfield" })
        {
            var r = await h.Client.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, r.StatusCode);
            var html = await r.Content.ReadAsStringAsync();
            Assert.DoesNotContain(ReviewFixture.HostileScript, html);
            Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html);
            Assert.Contains("script-src 'nonce-", r.Headers.GetValues("Content-Security-Policy").Single());
        }
        var pair = await h.Client.GetStringAsync($"/pairs/{hostile}");
        Assert.Contains("&lt;b&gt;notice&lt;/b&gt;", pair); // the article title
        Assert.Contains("<mark>", pair); // reason words highlighted
        Assert.Contains("<span class=\"cue\">said</span>", pair);
    }

    [RealModelsFact]
    public async Task List_api_filters_and_reports_progress()
    {
        await using var h = await ServerHarness.StartAsync();
        using var all = JsonDocument.Parse(await h.Client.GetStringAsync("/api/pairs?min=0&status=all&sort=uncertainty"));
        int total;
        using (var store = ClaimStore.Open(h.Db)) total = store.ListPairs(0).Count;
        var pairs = all.RootElement.GetProperty("pairs");
        Assert.Equal(total, pairs.GetArrayLength());
        var distances = pairs.EnumerateArray().Select(p => Math.Abs(p.GetProperty("score").GetDouble() - 0.5)).ToList();
        Assert.Equal(distances.Order(), distances);
        using var dana = JsonDocument.Parse(await h.Client.GetStringAsync("/api/pairs?speaker=dana-whitfield&min=0"));
        Assert.All(dana.RootElement.GetProperty("pairs").EnumerateArray(), p => Assert.Equal("Dana Whitfield", p.GetProperty("speaker").GetString()));
        Assert.Equal(0, all.RootElement.GetProperty("progress").GetProperty("reviewed").GetInt32());
    }
}
