using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ContradictionNlp.Review;
using ContradictionNlp.Store;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ContradictionNlp.Web;

/// <summary>How to run the review server.</summary>
/// <param name="DbPath">The store; must exist.</param>
/// <param name="Urls">Kestrel URLs, e.g. http://127.0.0.1:5080 (port 0: any free port, read it from <see cref="ReviewServer.Addresses"/>).</param>
/// <param name="Reviewer">Name stored with each verdict given on the page.</param>
/// <param name="LoopbackOnly">When true, requests whose Host is not localhost/127.0.0.1/[::1] are refused (defeats DNS rebinding).</param>
public sealed record ReviewServerOptions(string DbPath, IReadOnlyList<string> Urls, string Reviewer, bool LoopbackOnly = true)
{
    /// <summary>Largest request body accepted, in bytes: a verdict is a few dozen.</summary>
    public int MaxBodyBytes { get; init; } = 4096;
}

/// <summary>
/// The review web app: server-rendered pages and a small JSON API over one store. Every request
/// takes a lock around the one store connection (the store is not thread-safe); other processes
/// can use the same file at the same time (SQLite WAL + busy timeout).
/// </summary>
/// <remarks>
/// Anti-forgery: a random token is made per process. Pages carry it in a &lt;meta&gt; tag and set it
/// as a SameSite=Strict, HttpOnly cookie; POST /api/pairs/{id}/verdict needs the token in the
/// X-Cnlp-Token header AND the cookie. Another site cannot read the page (no CORS) so cannot learn
/// the token, cannot set a custom header on a cross-site form post, and its requests carry no
/// SameSite=Strict cookie. A missing or wrong token is answered 403.
/// </remarks>
public sealed class ReviewServer : IAsyncDisposable
{
    public const string TokenHeader = "X-Cnlp-Token";
    public const string TokenCookie = "cnlp_token";

    private readonly WebApplication _app;
    private readonly ClaimStore _store;
    private readonly ReviewServerOptions _options;
    private readonly Lock _gate = new();
    private readonly string _token = Convert.ToHexString(RandomNumberGenerator.GetBytes(32));

    private ReviewServer(WebApplication app, ClaimStore store, ReviewServerOptions options)
    {
        _app = app;
        _store = store;
        _options = options;
    }

    /// <summary>The addresses Kestrel actually bound (with the real port when 0 was asked for).</summary>
    public IReadOnlyList<string> Addresses =>
        _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.ToList() ?? [];

    /// <exception cref="StoreException">The store cannot be opened.</exception>
    public static async Task<ReviewServer> StartAsync(ReviewServerOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var store = ClaimStore.Open(options.DbPath);
        try
        {
            var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
            builder.Logging.ClearProviders(); // the CLI prints what matters; framework logs would bury it
            builder.WebHost.UseUrls([.. options.Urls]);
            builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = options.MaxBodyBytes);
            var app = builder.Build();
            var server = new ReviewServer(app, store, options);
            server.Map(app);
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
            return server;
        }
        catch
        {
            store.Dispose();
            throw;
        }
    }

    public Task WaitForShutdownAsync(CancellationToken cancellationToken = default) => _app.WaitForShutdownAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        _store.Dispose();
    }

    private T WithStore<T>(Func<ClaimStore, T> f)
    {
        lock (_gate) return f(_store);
    }

    // ---- routing --------------------------------------------------------------------------

    private void Map(WebApplication app)
    {
        app.Use(async (ctx, next) =>
        {
            var h = ctx.Response.Headers;
            h["X-Content-Type-Options"] = "nosniff";
            h["Referrer-Policy"] = "no-referrer";
            h["X-Frame-Options"] = "DENY";
            if (_options.LoopbackOnly && !IsLoopbackHost(ctx.Request.Host.Host))
            {
                await Error(ctx, 400, $"Host '{ctx.Request.Host.Host}' is not served: this server answers only to localhost (start it with --listen to serve other names).");
                return;
            }
            try { await next(ctx); }
            catch (Exception ex) when (!ctx.Response.HasStarted && ex is not OperationCanceledException)
            {
                ctx.Response.Clear();
                await Error(ctx, 500, "Internal error: " + ex.GetType().Name + ". The store is unchanged unless a verdict was confirmed.");
            }
        });
        // Routing's own 404/405 have empty bodies: give them a clear JSON message.
        app.UseStatusCodePages(async sc =>
        {
            var ctx = sc.HttpContext;
            var message = ctx.Response.StatusCode switch
            {
                404 => $"No such route: {ctx.Request.Method} {ctx.Request.Path}. Pages: /, /pairs/ID, /speakers/ID; API: GET /api/pairs, GET /api/pairs/ID, POST /api/pairs/ID/verdict.",
                405 => $"Method {ctx.Request.Method} is not allowed on {ctx.Request.Path}.",
                413 => $"Request body too large (limit {_options.MaxBodyBytes} bytes).",
                var code => $"HTTP {code}.",
            };
            await WriteJson(ctx, ctx.Response.StatusCode, w => w.WriteString("error", message));
        });

        // Browsers ask for an icon on every page; answer "none" instead of a 404 in their console.
        app.MapGet("/favicon.ico", (HttpContext ctx) => { ctx.Response.StatusCode = 204; return Task.CompletedTask; });
        app.MapGet("/", ListPage);
        app.MapGet("/pairs/{id:long}", PairPage);
        app.MapGet("/speakers/{id}", SpeakerPage);
        app.MapGet("/api/pairs", ApiList);
        app.MapGet("/api/pairs/{id:long}", ApiPair);
        app.MapPost("/api/pairs/{id:long}/verdict", ApiVerdict);
        app.MapFallback(ctx => Error(ctx, 404,
            $"No such route: {ctx.Request.Method} {ctx.Request.Path}. Pages: /, /pairs/ID, /speakers/ID; API: GET /api/pairs, GET /api/pairs/ID, POST /api/pairs/ID/verdict."));
    }

    private static bool IsLoopbackHost(string host) =>
        host is "localhost" or "127.0.0.1" or "[::1]" or "::1";

    // ---- queries shared by pages and API ---------------------------------------------------

    /// <summary>The list filters from the query string; a bad value is reported, not guessed.</summary>
    private static ReviewQuery? ParseQuery(HttpRequest req, out string? error)
    {
        error = null;
        var q = req.Query;
        string? speaker = q["speaker"].ToString() is { Length: > 0 } s ? s : null;
        var status = q["status"].ToString() is { Length: > 0 } st ? st : ReviewStatus.Flagged;
        if (!ReviewStatus.IsKnown(status)) { error = $"status must be one of {string.Join(", ", ReviewStatus.Names)}; got '{status}'."; return null; }
        double min = 0.5;
        if (q["min"].ToString() is { Length: > 0 } m &&
            (!double.TryParse(m, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out min) || double.IsNaN(min) || min < 0 || min > 1))
        { error = $"min must be a number between 0 and 1; got '{m}'."; return null; }
        var order = ReviewOrder.Score;
        if (q["sort"].ToString() is { Length: > 0 } o && !Enum.TryParse(o, ignoreCase: true, out order) || !Enum.IsDefined(order))
        { error = $"sort must be score, uncertainty or date; got '{q["sort"]}'."; return null; }
        return new ReviewQuery(speaker, min, status, order);
    }

    private StoredArticle? Article(ClaimStore store, Dictionary<string, StoredArticle?> cache, string id) =>
        cache.TryGetValue(id, out var a) ? a : cache[id] = store.GetArticle(id);

    // ---- JSON API -------------------------------------------------------------------------

    private Task ApiList(HttpContext ctx)
    {
        var query = ParseQuery(ctx.Request, out var error);
        if (query is null) return Error(ctx, 400, error!);
        var (items, progress, articles) = WithStore(s =>
        {
            var cache = new Dictionary<string, StoredArticle?>(StringComparer.Ordinal);
            var list = ReviewQueue.Load(s, query);
            foreach (var i in list) { Article(s, cache, i.Pair.A.Claim.ArticleId); Article(s, cache, i.Pair.B.Claim.ArticleId); }
            return (list, ReviewQueue.Progress(s, query.MinScore), cache);
        });
        return WriteJson(ctx, 200, w =>
        {
            WriteProgress(w, progress);
            w.WriteStartArray("pairs");
            foreach (var i in items) ReviewExporter.WritePairJson(w, i, id => articles.GetValueOrDefault(id));
            w.WriteEndArray();
        });
    }

    private Task ApiPair(HttpContext ctx, long id)
    {
        var found = WithStore(s =>
        {
            if (s.GetPair(id) is not { } pair) return null;
            var cache = new Dictionary<string, StoredArticle?>(StringComparer.Ordinal);
            Article(s, cache, pair.A.Claim.ArticleId);
            Article(s, cache, pair.B.Claim.ArticleId);
            return new { Item = new ReviewItem(pair, s.CurrentReviews().GetValueOrDefault(id)), History = s.ListReviews(id), Articles = cache };
        });
        if (found is null) return Error(ctx, 404, $"No pair with id {id}.");
        return WriteJson(ctx, 200, w =>
        {
            w.WritePropertyName("pair");
            ReviewExporter.WritePairJson(w, found.Item, a => found.Articles.GetValueOrDefault(a));
            w.WriteStartArray("history");
            foreach (var r in found.History) WriteReview(w, r);
            w.WriteEndArray();
        });
    }

    private async Task ApiVerdict(HttpContext ctx, long id)
    {
        if (!HasValidToken(ctx.Request))
        {
            await Error(ctx, 403, $"Missing or wrong anti-forgery token: send the token of the page's <meta name=\"cnlp-token\"> in the {TokenHeader} header, with the {TokenCookie} cookie the page set.");
            return;
        }
        if (ctx.Request.ContentLength > _options.MaxBodyBytes)
        {
            await Error(ctx, 413, $"Request body too large ({ctx.Request.ContentLength} bytes; limit {_options.MaxBodyBytes}).");
            return;
        }
        byte[] body;
        try
        {
            using var buffer = new MemoryStream();
            await ctx.Request.Body.CopyToAsync(buffer, ctx.RequestAborted);
            body = buffer.ToArray();
        }
        catch (Microsoft.AspNetCore.Http.BadHttpRequestException ex) when (ex.StatusCode == 413)
        {
            await Error(ctx, 413, $"Request body too large (limit {_options.MaxBodyBytes} bytes).");
            return;
        }
        string? verdict = null;
        try
        {
            using var doc = JsonDocument.Parse(body);
            if (doc.RootElement.ValueKind == JsonValueKind.Object &&
                doc.RootElement.TryGetProperty("verdict", out var v) && v.ValueKind == JsonValueKind.String)
                verdict = v.GetString();
        }
        catch (JsonException ex)
        {
            await Error(ctx, 400, $"Body is not valid JSON ({ex.Message}). Expected {{\"verdict\":\"{string.Join("|", Verdicts.All)}\"}}.");
            return;
        }
        if (!Verdicts.IsKnown(verdict))
        {
            await Error(ctx, 400, $"Body must be {{\"verdict\":\"{string.Join("|", Verdicts.All)}\"}}; got {(verdict is null ? "no verdict string" : $"'{verdict}'")}.");
            return;
        }
        var result = WithStore(s =>
        {
            var write = s.RecordReview(id, verdict!, _options.Reviewer);
            return write is null ? null : new { Write = write, Current = s.CurrentReviews().GetValueOrDefault(id), Progress = ReviewQueue.Progress(s) };
        });
        if (result is null)
        {
            await Error(ctx, 404, $"No pair with id {id} (it may have been removed from the store); nothing was recorded.");
            return;
        }
        await WriteJson(ctx, 200, w =>
        {
            w.WriteNumber("pairId", id);
            w.WritePropertyName("review");
            WriteReview(w, result.Write.Review);
            w.WriteBoolean("added", result.Write.Added);
            if (result.Current is { } c) w.WriteString("current", c.Verdict); else w.WriteNull("current");
            w.WriteString("currentText", Verdicts.Describe(result.Current?.Verdict));
            WriteProgress(w, result.Progress);
        });
    }

    private bool HasValidToken(HttpRequest req)
    {
        var header = req.Headers[TokenHeader].ToString();
        var cookie = req.Cookies[TokenCookie] ?? "";
        var expected = Encoding.ASCII.GetBytes(_token);
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(header), expected) &&
               CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(cookie), expected);
    }

    private static void WriteReview(Utf8JsonWriter w, StoredReview r)
    {
        w.WriteStartObject();
        w.WriteNumber("id", r.Id);
        w.WriteString("verdict", r.Verdict);
        w.WriteString("reviewer", r.Reviewer);
        w.WriteString("at", r.At.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        w.WriteEndObject();
    }

    private static void WriteProgress(Utf8JsonWriter w, ReviewProgress p)
    {
        w.WriteStartObject("progress");
        w.WriteNumber("reviewed", p.Reviewed);
        w.WriteNumber("remaining", p.Remaining);
        w.WriteNumber("total", p.Total);
        w.WriteEndObject();
    }

    internal static Task Error(HttpContext ctx, int status, string message) =>
        WriteJson(ctx, status, w => w.WriteString("error", message));

    private static async Task WriteJson(HttpContext ctx, int status, Action<Utf8JsonWriter> body)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            body(w);
            w.WriteEndObject();
        }
        ctx.Response.StatusCode = status;
        ctx.Response.ContentType = "application/json; charset=utf-8";
        await ctx.Response.Body.WriteAsync(buffer.ToArray());
    }

    // ---- pages ----------------------------------------------------------------------------

    private Task ListPage(HttpContext ctx)
    {
        var query = ParseQuery(ctx.Request, out var error);
        if (query is null) return Error(ctx, 400, error!);
        var (items, progress, speakers) = WithStore(s => (ReviewQueue.Load(s, query), ReviewQueue.Progress(s, query.MinScore), s.ListSpeakers()));
        return Pages.Send(ctx, this, Pages.List(query, items, progress, speakers));
    }

    private Task PairPage(HttpContext ctx, long id)
    {
        // ?min= carries the list's threshold, so "next" walks the same pairs the reviewer chose.
        var query = ParseQuery(ctx.Request, out var error);
        if (query is null) return Error(ctx, 400, error!);
        var min = query.MinScore;
        var view = WithStore(s =>
        {
            if (s.GetPair(id) is not { } pair) return null;
            var current = s.CurrentReviews();
            var flagged = ReviewQueue.Load(s, new ReviewQuery(MinScore: min));
            // Next: the first pair after this one (in score order) still without a verdict, so
            // skipping moves forward instead of bouncing between skipped pairs.
            int at = flagged.ToList().FindIndex(i => i.Pair.Id == id);
            var next = flagged.Skip(at + 1).FirstOrDefault(i => i.Current is null && i.Pair.Id != id)
                       ?? (at < 0 ? null : flagged.Take(at).FirstOrDefault(i => i.Current is null));
            return new Pages.PairView(new ReviewItem(pair, current.GetValueOrDefault(id)), s.ListReviews(id),
                s.GetArticle(pair.A.Claim.ArticleId), s.GetArticle(pair.B.Claim.ArticleId), next?.Pair.Id, ReviewQueue.Progress(s, min), min);
        });
        if (view is null) return Pages.SendNotFound(ctx, this, $"No pair with id {id}.");
        return Pages.Send(ctx, this, Pages.Pair(view));
    }

    private Task SpeakerPage(HttpContext ctx, string id)
    {
        var view = WithStore(s =>
        {
            if (s.LoadSpeakers().FirstOrDefault(x => x.Id == id) is not { } speaker) return null;
            var claims = s.ListClaims(speaker.Name).Where(c => c.SpeakerId == id).ToList();
            var pairs = ReviewQueue.Load(s, new ReviewQuery(Speaker: id, MinScore: 0, Status: ReviewStatus.All));
            return new Pages.SpeakerView(speaker, claims, pairs);
        });
        if (view is null) return Pages.SendNotFound(ctx, this, $"No speaker with id '{id}'.");
        return Pages.Send(ctx, this, Pages.Speaker(view));
    }

    /// <summary>The page's token cookie and meta value; kept here so the token never leaves this class otherwise.</summary>
    internal string Token => _token;

    internal static string Encode(string s) => WebUtility.HtmlEncode(s);
}
