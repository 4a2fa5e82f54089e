using System.CommandLine;
using System.Net;
using ContradictionNlp.Store;
using ContradictionNlp.Web;

namespace ContradictionNlp.Cli.Commands;

/// <summary>
/// <c>cnlp serve</c>: the review pages on http://127.0.0.1:PORT. Only loopback unless --listen,
/// because the pages have no login: anyone who can reach the port can read the store and record verdicts.
/// </summary>
public static class ServeCommand
{
    public const int DefaultPort = 5080;

    public static Command Create()
    {
        var db = CommonOptions.Db();
        var port = new Option<int>("--port") { Description = $"TCP port (0: any free port). Default {DefaultPort}.", DefaultValueFactory = _ => DefaultPort, HelpName = "N" };
        port.Validators.Add(r =>
        {
            if (r.Tokens is [var t] && int.TryParse(t.Value, out var n) && (n < 0 || n > 65535))
                r.AddError($"--port must be between 0 and 65535, got {t.Value}.");
        });
        var listen = new Option<string?>("--listen")
        {
            Description = "Address to listen on instead of 127.0.0.1, e.g. 0.0.0.0. There is no login: anyone who can reach it can record verdicts.",
            HelpName = "ADDR",
        };
        var reviewer = new Option<string?>("--reviewer") { Description = "Name stored with verdicts given on the page. Default: your user name.", HelpName = "NAME" };
        var command = new Command("serve", "Serve the review pages and JSON API (127.0.0.1 only unless --listen).") { db, port, listen, reviewer };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var (stdout, stderr) = (parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error);
            var path = CommonOptions.DbPath(parse.GetValue(db)!, CliEnvironment.Current);
            if (!File.Exists(path))
            {
                stderr.WriteLine($"cnlp: no store at '{path}'. Run 'cnlp analyze PATH... --db {path}' first, or pass the right --db.");
                return ExitCodes.Failure;
            }
            var host = "127.0.0.1";
            if (parse.GetValue(listen) is { } addr)
            {
                if (!IPAddress.TryParse(addr, out var ip))
                {
                    stderr.WriteLine($"cnlp: --listen must be an IP address such as 0.0.0.0 or 192.168.1.5, got '{addr}'.");
                    return ExitCodes.BadUsage;
                }
                host = ip.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{ip}]" : ip.ToString();
                if (!IPAddress.IsLoopback(ip))
                    stderr.WriteLine($"cnlp: warning: listening on {addr}: the review pages have no login, so anyone who can reach this port can read the store and record verdicts.");
            }
            var who = parse.GetValue(reviewer) is { Length: > 0 } r ? r : Environment.UserName;
            ReviewServer server;
            try
            {
                server = await ReviewServer.StartAsync(new ReviewServerOptions(path, [$"http://{host}:{parse.GetValue(port)}"], who,
                    LoopbackOnly: parse.GetValue(listen) is null), cancellationToken);
            }
            catch (StoreException ex)
            {
                stderr.WriteLine($"cnlp: {ex.Message}");
                return ExitCodes.Failure;
            }
            catch (IOException ex)
            {
                stderr.WriteLine($"cnlp: cannot listen on {host}:{parse.GetValue(port)}: {ex.Message} Choose another --port.");
                return ExitCodes.Failure;
            }
            await using (server)
            {
                foreach (var a in server.Addresses) stdout.WriteLine($"cnlp: serving {path} at {a}/ (Ctrl+C to stop)");
                try { await server.WaitForShutdownAsync(cancellationToken); }
                catch (OperationCanceledException) { }
            }
            return ExitCodes.Ok;
        });
        return command;
    }
}
