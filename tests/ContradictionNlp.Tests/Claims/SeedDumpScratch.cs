namespace ContradictionNlp.Tests.Claims;
public class SeedDumpScratch(Xunit.Abstractions.ITestOutputHelper o)
{
    [Fact]
    public void Dump()
    {
        foreach (var f in Directory.GetFiles(Path.Combine(TestPaths.Shared, "seeds")))
        {
            var (claims, _) = ClaimTestKit.Run(File.ReadAllText(f));
            o.WriteLine(f);
            o.WriteLine(ContradictionNlp.Claims.ClaimFormatter.Dump(claims));
        }
    }
}
