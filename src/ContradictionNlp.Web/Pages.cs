using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ContradictionNlp.Review;
using ContradictionNlp.Speakers;
using ContradictionNlp.Store;
using Microsoft.AspNetCore.Http;

namespace ContradictionNlp.Web;

/// <summary>
/// Server-rendered HTML. Every piece of store text goes through <see cref="H"/> (HTML-encoding);
/// the only script is our own, inline, allowed by a per-response CSP nonce; nothing is loaded
/// from anywhere else.
/// </summary>
internal static class Pages
{
    internal sealed record PairView(ReviewItem Item, IReadOnlyList<StoredReview> History, StoredArticle? ArticleA, StoredArticle? ArticleB, long? Next, ReviewProgress Progress, double MinScore);
    internal sealed record SpeakerView(Speaker Speaker, IReadOnlyList<StoredClaim> Claims, IReadOnlyList<ReviewItem> Pairs);
    internal sealed record Page(string Title, string Body, string? Script = null, string? BodyAttributes = null);

    private static string H(string? s) => ReviewServer.Encode(s ?? "");
    private static string D(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "undated";
    private static string P(double p) => p.ToString("0.00", CultureInfo.InvariantCulture);

    private const string Css = """
        body{font-family:system-ui,sans-serif;margin:0;color:#1d1d1d;background:#fafafa}
        header{background:#243b53;color:#fff;padding:.6rem 1.2rem;display:flex;gap:1.5rem;align-items:baseline}
        header a{color:#fff;text-decoration:none;font-weight:600}
        main{max-width:78rem;margin:1rem auto;padding:0 1.2rem}
        table{border-collapse:collapse;width:100%;background:#fff}
        th,td{border-bottom:1px solid #ddd;padding:.35rem .5rem;text-align:left;vertical-align:top;font-size:.92em}
        .claims{display:grid;grid-template-columns:1fr 1fr;gap:1rem}
        .claim{background:#fff;border:1px solid #ccd;border-radius:6px;padding:.8rem}
        .meta{color:#556;font-size:.88em}
        .ctx{line-height:1.55}
        .content{text-decoration:underline;text-decoration-color:#8aa}
        .cue{font-weight:700;color:#7a3e00}
        .spk{color:#0b5394;font-weight:600}
        mark{background:#ffd966;padding:0 .1em}
        .verdict{font-weight:700}
        .buttons button{font-size:1rem;margin:.3rem .4rem .3rem 0;padding:.4rem .8rem;border-radius:5px;border:1px solid #889;background:#fff;cursor:pointer}
        .buttons button:hover{background:#eef}
        kbd{border:1px solid #999;border-radius:3px;padding:0 .25em;font-size:.85em;background:#f4f4f4}
        .timeline{list-style:none;border-left:3px solid #9ab;margin:0;padding-left:1rem}
        .timeline li{margin:.6rem 0;position:relative}
        .timeline li::before{content:"";position:absolute;left:-1.45rem;top:.35rem;width:.7rem;height:.7rem;border-radius:50%;background:#243b53}
        form.filters{display:flex;gap:.8rem;flex-wrap:wrap;align-items:end;margin:.5rem 0 1rem}
        #status{min-height:1.2em;color:#a00}
        """;

    public static Task Send(HttpContext ctx, ReviewServer server, Page page, int status = 200)
    {
        var nonce = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
        var r = ctx.Response;
        r.StatusCode = status;
        r.ContentType = "text/html; charset=utf-8";
        r.Headers["Content-Security-Policy"] =
            $"default-src 'none'; style-src 'unsafe-inline'; script-src 'nonce-{nonce}'; connect-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";
        r.Headers["Cache-Control"] = "no-store";
        r.Cookies.Append(ReviewServer.TokenCookie, server.Token,
            new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Strict, Path = "/", IsEssential = true });
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\">");
        sb.Append($"<meta name=\"cnlp-token\" content=\"{H(server.Token)}\"><title>{H(page.Title)} · cnlp review</title><style>{Css}</style></head>");
        sb.Append($"<body {page.BodyAttributes}><header><a href=\"/\">cnlp review</a><a href=\"/?status=unreviewed\">To review</a><a href=\"/?status=reviewed\">Reviewed</a></header><main>");
        sb.Append(page.Body);
        sb.Append("</main>");
        if (page.Script is not null) sb.Append($"<script nonce=\"{nonce}\">{page.Script}</script>");
        sb.Append("</body></html>\n");
        return r.WriteAsync(sb.ToString(), ctx.RequestAborted);
    }

    public static Task SendNotFound(HttpContext ctx, ReviewServer server, string message) =>
        Send(ctx, server, new Page("Not found", $"<h1>Not found</h1><p>{H(message)}</p><p><a href=\"/\">Back to the list</a></p>"), 404);

    private static string MinQuery(double min) => min == 0.5 ? "" : "?min=" + min.ToString("0.###", CultureInfo.InvariantCulture);

    private static string ProgressText(ReviewProgress p) =>
        $"{p.Reviewed} reviewed / {p.Remaining} remaining of {p.Total} flagged";

    public static Page List(ReviewQuery q, IReadOnlyList<ReviewItem> items, ReviewProgress progress, IReadOnlyList<SpeakerSummary> speakers)
    {
        var sb = new StringBuilder();
        sb.Append($"<h1>Flagged pairs</h1><p id=\"progress\">{H(ProgressText(progress))}</p>");
        sb.Append("<form class=\"filters\" method=\"get\" action=\"/\"><label>Speaker<br><select name=\"speaker\"><option value=\"\">all</option>");
        foreach (var s in speakers.Where(s => s.ClaimCount > 0))
            sb.Append($"<option value=\"{H(s.Speaker.Id)}\"{(string.Equals(q.Speaker, s.Speaker.Id, StringComparison.OrdinalIgnoreCase) ? " selected" : "")}>{H(s.Speaker.Name)}</option>");
        sb.Append("</select></label><label>Status<br><select name=\"status\">");
        foreach (var st in ReviewStatus.Names)
            sb.Append($"<option{(st == q.Status ? " selected" : "")}>{H(st)}</option>");
        sb.Append($"</select></label><label>Min score<br><input name=\"min\" type=\"number\" step=\"0.05\" min=\"0\" max=\"1\" value=\"{P(q.MinScore)}\"></label>");
        sb.Append("<label>Sort<br><select name=\"sort\">");
        foreach (var o in Enum.GetValues<ReviewOrder>())
            sb.Append($"<option value=\"{o.ToString().ToLowerInvariant()}\"{(o == q.Order ? " selected" : "")}>{o.ToString().ToLowerInvariant()}</option>");
        sb.Append("</select></label><button type=\"submit\">Filter</button></form>");
        if (items.Count == 0) sb.Append("<p>No pairs match. Lower the minimum score or choose another status.</p>");
        else
        {
            sb.Append("<table id=\"pairs\"><thead><tr><th>Score</th><th>Speaker</th><th>Earlier claim</th><th>Later claim</th><th>Verdict</th><th></th></tr></thead><tbody>");
            foreach (var i in items)
            {
                var p = i.Pair;
                sb.Append($"<tr data-pair=\"{p.Id}\"><td>{P(p.Score.Contradiction)}</td><td><a href=\"/speakers/{Uri.EscapeDataString(p.SpeakerId)}\">{H(p.SpeakerName)}</a></td>");
                sb.Append($"<td><span class=\"meta\">{D(p.A.Date)}</span><br>{H(p.A.Claim.ContentText)}</td><td><span class=\"meta\">{D(p.B.Date)}</span><br>{H(p.B.Claim.ContentText)}</td>");
                sb.Append($"<td class=\"verdict\">{H(Verdicts.Describe(i.Verdict))}</td><td><a class=\"open\" href=\"/pairs/{p.Id}{MinQuery(q.MinScore)}\">Review</a></td></tr>");
            }
            sb.Append("</tbody></table>");
        }
        return new Page("Flagged pairs", sb.ToString());
    }

    public static Page Pair(PairView v)
    {
        var p = v.Item.Pair;
        var sb = new StringBuilder();
        sb.Append($"<h1>Pair {p.Id}: <a href=\"/speakers/{Uri.EscapeDataString(p.SpeakerId)}\">{H(p.SpeakerName)}</a></h1>");
        sb.Append($"<p>Score <b>{P(p.Score.Contradiction)}</b> (entailment {P(p.Score.Entailment)}, neutral {P(p.Score.Neutral)}, model {H(p.ModelVersion)}) · ");
        sb.Append($"verdict: <span id=\"verdict\" class=\"verdict\">{H(Verdicts.Describe(v.Item.Verdict))}</span> · <span id=\"progress\">{H(ProgressText(v.Progress))}</span></p>");
        sb.Append("<div class=\"claims\">");
        Claim(sb, "A (earlier)", p.A, v.ArticleA, p.Score.Reasons.SelectMany(r => r.SpansA));
        Claim(sb, "B (later)", p.B, v.ArticleB, p.Score.Reasons.SelectMany(r => r.SpansB));
        sb.Append("</div><h2>Reasons</h2><ul>");
        foreach (var r in p.Score.Reasons) sb.Append($"<li><i>{H(r.Kind)}</i>: {H(r.Message)}</li>");
        if (p.Score.Reasons.Count == 0) sb.Append("<li>(none given)</li>");
        sb.Append("</ul><div class=\"buttons\">");
        foreach (var (verdict, key, label) in new[] { (Verdicts.Contradiction, "c", "Contradiction"), (Verdicts.NotContradiction, "n", "Not a contradiction"), (Verdicts.BadClaim, "w", "Wrong speaker / bad claim"), (Verdicts.Skip, "s", "Skip") })
            sb.Append($"<button type=\"button\" data-verdict=\"{verdict}\">{label} <kbd>{key}</kbd></button>");
        sb.Append("</div><p id=\"status\" role=\"status\"></p>");
        sb.Append(v.Next is { } n ? $"<p><a id=\"next\" href=\"/pairs/{n}{MinQuery(v.MinScore)}\">Next unreviewed pair →</a></p>" : "<p>No other unreviewed flagged pair.</p>");
        if (v.History.Count > 0)
        {
            sb.Append("<h2>History</h2><table><tr><th>When (UTC)</th><th>Reviewer</th><th>Verdict</th></tr>");
            foreach (var r in v.History)
                sb.Append($"<tr><td>{H(r.At.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture))}</td><td>{H(r.Reviewer)}</td><td>{H(Verdicts.Describe(r.Verdict))}</td></tr>");
            sb.Append("</table>");
        }
        var script = $$"""
            (() => {
              const token = document.querySelector('meta[name="cnlp-token"]').content;
              const status = document.getElementById('status');
              const next = {{(v.Next is { } nx ? nx.ToString(CultureInfo.InvariantCulture) : "null")}};
              let busy = false;
              async function send(verdict) {
                if (busy) return; // one verdict at a time: a key held down must not post twice
                busy = true; status.textContent = 'Saving…';
                try {
                  const r = await fetch('/api/pairs/{{p.Id}}/verdict', { method: 'POST', credentials: 'same-origin',
                    headers: { 'Content-Type': 'application/json', '{{ReviewServer.TokenHeader}}': token },
                    body: JSON.stringify({ verdict }) });
                  const j = await r.json();
                  if (!r.ok) { status.textContent = 'Not saved: ' + j.error; return; }
                  document.getElementById('verdict').textContent = j.currentText;
                  const pr = j.progress;
                  document.getElementById('progress').textContent = pr.reviewed + ' reviewed / ' + pr.remaining + ' remaining of ' + pr.total + ' flagged';
                  status.textContent = 'Saved.';
                  if (next !== null) location.href = '/pairs/' + next + '{{MinQuery(v.MinScore)}}';
                } catch (e) { status.textContent = 'Not saved: ' + e; }
                finally { busy = false; }
              }
              const keys = { c: 'contradiction', n: 'not_contradiction', w: 'bad_claim', s: 'skip' };
              document.addEventListener('keydown', e => {
                if (e.ctrlKey || e.metaKey || e.altKey || e.repeat) return;
                const v = keys[e.key.toLowerCase()];
                if (v) { e.preventDefault(); send(v); }
              });
              for (const b of document.querySelectorAll('button[data-verdict]')) b.addEventListener('click', () => send(b.dataset.verdict));
            })();
            """;
        return new Page($"Pair {p.Id}", sb.ToString(), script, $"data-pair=\"{p.Id}\"");
    }

    private static void Claim(StringBuilder sb, string label, StoredClaim c, StoredArticle? a, IEnumerable<Text.TextSpan> reasonSpans)
    {
        sb.Append($"<section class=\"claim\"><div class=\"meta\"><b>{H(label)}</b> · {D(c.Date)} · {H(c.ArticleTitle)}");
        if (a?.Source is { Length: > 0 } s) sb.Append($" · {H(s)}");
        if (a?.Author is { Length: > 0 } au) sb.Append($" · by {H(au)}");
        sb.Append($"</div><p class=\"meta\">Said by “{H(c.Claim.Speaker.Text)}”, cue “{H(c.Claim.CueText)}”</p><p class=\"ctx\">");
        var segments = a is null ? ClaimHighlighter.Content(c.Claim.ContentText, reasonSpans) : ClaimHighlighter.Context(c, a.Text, reasonSpans, sentencesAround: 1);
        foreach (var seg in segments)
        {
            var text = H(seg.Text).Replace("\n", "<br>", StringComparison.Ordinal);
            if (seg.Marks.HasFlag(Marks.Reason)) text = $"<mark>{text}</mark>";
            if (seg.Marks.HasFlag(Marks.Cue)) text = $"<span class=\"cue\">{text}</span>";
            if (seg.Marks.HasFlag(Marks.Speaker)) text = $"<span class=\"spk\">{text}</span>";
            if (seg.Marks.HasFlag(Marks.Content)) text = $"<span class=\"content\">{text}</span>";
            sb.Append(text);
        }
        sb.Append("</p></section>");
    }

    public static Page Speaker(SpeakerView v)
    {
        var sb = new StringBuilder();
        sb.Append($"<h1>{H(v.Speaker.Name)}</h1>");
        if (v.Speaker.Roles.Count > 0) sb.Append($"<p class=\"meta\">{H(string.Join("; ", v.Speaker.Roles))}</p>");
        if (v.Speaker.Aliases.Count > 0) sb.Append($"<p class=\"meta\">Also: {H(string.Join("; ", v.Speaker.Aliases))}</p>");
        sb.Append($"<h2>Claims over time ({v.Claims.Count})</h2><ol class=\"timeline\">");
        foreach (var c in v.Claims)
            sb.Append($"<li><div class=\"meta\">{D(c.Date)} · {H(c.ArticleTitle)} · {H(c.Claim.CueText)}</div>{H(c.Claim.ContentText)}</li>");
        sb.Append("</ol>");
        sb.Append($"<h2>Pairs ({v.Pairs.Count})</h2>");
        if (v.Pairs.Count > 0)
        {
            sb.Append("<table><tr><th>Score</th><th>Earlier</th><th>Later</th><th>Verdict</th></tr>");
            foreach (var i in v.Pairs)
                sb.Append($"<tr><td><a href=\"/pairs/{i.Pair.Id}\">{P(i.Pair.Score.Contradiction)}</a></td><td>{H(i.Pair.A.Claim.ContentText)}</td><td>{H(i.Pair.B.Claim.ContentText)}</td><td>{H(Verdicts.Describe(i.Verdict))}</td></tr>");
            sb.Append("</table>");
        }
        return new Page(v.Speaker.Name, sb.ToString());
    }
}
