using System.Text.Json;
using System.Text.Json.Nodes;
using Zhifa.Core.Inspections.Draws;

namespace Zhifa.Tests.Inspections;

/// <summary>
/// The verifiable 双随机 draw (SSJ-DRAW, SSJ-RATIO) as a pure function, no database. Every hash, seed, stream output
/// and assignment expected here was computed by an independent Python re-implementation (hashlib, fractions) of the
/// construction documented on <see cref="VerifiableDraw"/>, never read from the code under test; counts were worked
/// out by hand.
/// </summary>
public class DrawAlgorithmTests
{
    private const string Secret = "body-secret-0123456789abcdef";
    private const string Bureau = "bureau-2026-03-02";

    private const string S1 = "91330100MA2XYZ0001", S2 = "91330100MA2XYZ0002", S3 = "91330100MA2XYZ0003", S4 = "91330100MA2XYZ0004";
    private const string S5 = "91330100MA2XYZ0005", S6 = "91330100MA2XYZ0006", P7 = "P-0007", P8 = "P-0008", P9 = "P-0009";
    private const string O1 = "officer-01", O2 = "officer-02", O3 = "officer-03", O4 = "officer-04", O5 = "officer-05";

    /// <summary>
    /// The known-answer draw: 4 of grade A at 50% (2), 2 of C at 100% (2), 3 ungraded at 40% (⌈1.2⌉ = 2), D at 0%
    /// with no subjects; 2 inspectors each; two conflicts and two previous pairings.
    /// </summary>
    private static DrawInputs Sample(string secret = Secret, string bureau = Bureau) => new(
        [new(S1, "A"), new(S2, "A"), new(S3, "A"), new(S4, "A"), new(S5, "C"), new(S6, "C"), new(P7, ""), new(P8, ""), new(P9, "")],
        [new(O1), new(O2), new(O3), new(O4), new(O5)],
        new DrawParameters(new Dictionary<string, decimal> { ["A"] = 50m, ["C"] = 100.00m, [""] = 40.0m, ["D"] = 0m }, 2, false),
        [new(O2, S5), new(O1, P7)],
        [new(O3, S5), new(O4, S1)],
        secret,
        bureau);

    /// <summary>Order, subject and inspectors in the order drawn, per assignment of the known-answer draw.</summary>
    private static readonly string[] SampleAssignments =
    [
        $"1 {S3} {O3},{O4}",
        $"2 {P8} {O2},{O1}",
        $"3 {P7} {O5},{O3}",
        $"4 {S6} {O1},{O2}",
        $"5 {S5} {O4},{O5}",
        $"6 {S1} {O1},{O2}",
    ];

    private static string[] Flatten(IEnumerable<DrawAssignment> assignments) =>
        assignments.Select(a => $"{a.Order} {a.SubjectKey} {string.Join(',', a.InspectorKeys)}").ToArray();

    private static DrawInputs Pool(int subjects, int inspectors, string grade, decimal percent, string bureau,
        IReadOnlyList<DrawExclusion>? conflicts = null, IReadOnlyList<DrawExclusion>? previous = null) => new(
        Enumerable.Range(1, subjects).Select(i => new DrawSubject($"S{i:00}", grade)).ToList(),
        Enumerable.Range(1, inspectors).Select(i => new DrawInspector($"I{i:00}")).ToList(),
        new DrawParameters(new Dictionary<string, decimal> { [grade] = percent }, 2, false),
        conflicts ?? [],
        previous ?? [],
        Secret,
        bureau);

    // ---- known answers ----

    [Fact]
    [Trait("Rule", "SSJ-DRAW")]
    public void Stream_KnownAnswer_Sha256CounterModeReadAsBigEndianUInt64()
    {
        // seed = bytes 0x00..0x1f; block i = sha256(seed + i.to_bytes(8, 'big')); four int.from_bytes(b[k:k+8], 'big') per block.
        var random = new DrawRandom(Enumerable.Range(0, 32).Select(i => (byte)i).ToArray());
        ulong[] expected = [0xa9d6e500293a88bd, 0x38cbe213d07ab71f, 0x8cb2258552072a01, 0xbdf1c40be527f4d0, 0x6061c4386d7a1788, 0xba52e2e8b2ee6fe6];
        Assert.Equal(expected, Enumerable.Range(0, 6).Select(_ => random.NextUInt64()));
    }

    [Fact]
    [Trait("Rule", "SSJ-DRAW")]
    public void Stream_KnownAnswer_RejectsTheTopOfTheRangeInsteadOfReducingModulo()
    {
        // Below 2^63 + 1 half the range is redrawn: the raw outputs 1, 3, 4, 6 and 10 are at or above 2^63 + 1, so the
        // first eight answers use 12 raw outputs (three blocks); a plain modulo would answer 0xa9d6e500293a88bd − (2^63 + 1) first.
        var seed = Enumerable.Range(0, 32).Select(i => (byte)i).ToArray();
        var random = new DrawRandom(seed);
        ulong[] expected =
        [
            4092613261126186783, 6945047847015946120, 1402384116349340663, 300893896666610643,
            8315228738316000402, 6212704801138175306, 8269744564214530275, 4036636583341222210,
        ];
        Assert.Equal(expected, Enumerable.Range(0, 8).Select(_ => random.NextBelow((1UL << 63) + 1)));

        var small = new DrawRandom(seed);
        Assert.Equal([1UL, 3, 5, 2, 0, 8], Enumerable.Range(0, 6).Select(_ => small.NextBelow(10)));
    }

    [Fact]
    [Trait("Rule", "SSJ-DRAW")]
    public void Commit_KnownAnswer()
    {
        Assert.Equal("375723457469a626a4fbaae39e3d2f4ae3a74dfc57f7d714927ddd6c6f2a9ce1", VerifiableDraw.Commit("correct horse battery staple"));
        Assert.NotEqual(VerifiableDraw.Commit("correct horse battery staple"), VerifiableDraw.Commit("correct horse battery stapler"));
    }

    [Fact]
    [Trait("Rule", "SSJ-DRAW")]
    public void ListHashes_KnownAnswer_OneLinePerKeyInOrdinalOrder()
    {
        // printf 'S-1\tA\nS-2\tA\nS-3\t\nS-4\tB\n' | sha256sum ; printf 'i-a\ni-b\ni-c\n' | sha256sum
        Assert.Equal("277b75ea1c9315981d6f25827a51c57d87d736591341c5d36766b55214e4e09d",
            VerifiableDraw.HashSubjects([new("S-4", "B"), new("S-1", "A"), new("S-3", ""), new("S-2", "A")]));
        Assert.Equal("b06bb6b4cc43fbad8325a102177adada3d5eea92e05fed922976ac39df2225d8",
            VerifiableDraw.HashInspectors([new("i-c"), new("i-a"), new("i-b")]));
        Assert.Equal("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", VerifiableDraw.HashSubjects([]));
    }

    [Fact]
    [Trait("Rule", "SSJ-DRAW")]
    [Trait("Rule", "SSJ-RATIO")]
    public void SmallDraw_KnownAnswer_HashesSeedAndEveryAssignment()
    {
        var result = VerifiableDraw.Run(Sample());

        Assert.Equal("08d96b9bfa564b78940435a2f0f1329c48d01dce3a3d164da69d31101a93b55c", result.SubjectsHash);
        Assert.Equal("7ae5c967cc428037892ad5e8dc7e46b459d0a1469fe472a1e47f2340dd042f16", result.InspectorsHash);
        Assert.Equal("e4aeb42c990a317a9984eea72f44a765768b67ae79cecf2777054378105fbaaf", result.InputsHash);
        Assert.Equal("93c88a7ad764dc32ccce997aa5dfa315fc5914947721c09acabdcd29e6a4f718", result.Seed);
        Assert.Equal(SampleAssignments, Flatten(result.Assignments));
        Assert.Equal("b6e17ff718d0c187f1671f9e06896a373f7901cf52ca7b0e2d11c28f47d8d3ef", result.ResultHash);
        Assert.Empty(result.Shortfalls);
        Assert.True(result.Succeeded);
    }

    [Fact]
    [Trait("Rule", "SSJ-DRAW")]
    public void OrderOnlyDraw_KnownAnswer_WithAShortfall()
    {
        var inputs = new DrawInputs(
            [new("S-4", "B"), new("S-1", "A"), new("S-3", ""), new("S-2", "A")],
            [new("i-c"), new("i-a"), new("i-b")],
            new DrawParameters(new Dictionary<string, decimal>(), 2, OrderOnly: true),
            [new("i-a", "S-3"), new("i-b", "S-3")],
            [new("i-c", "S-1")],
            "another-secret-fedcba9876543210",
            "sup-42");

        var result = VerifiableDraw.Run(inputs);

        Assert.Equal("77446248a203722ac338d70fb661ade526db7ccd327ca6e3e51bfd50d8b90064", result.InputsHash);
        Assert.Equal("b5c22078189a0f7cf3752357505a24cb7568fc371f616cd6a7d757271076eddf", result.Seed);
        Assert.Equal(
            ["1 S-1 i-b,i-a", "2 S-4 i-c,i-b", "3 S-2 i-a,i-c", "4 S-3 "],
            Flatten(result.Assignments));
        Assert.Equal("e6fd4cf0d206ca9da5d883377206fbb67208fd3943f739ebe0e39d5bef45465c", result.ResultHash);
        Assert.Equal([new DrawShortfall("S-3", 1)], result.Shortfalls);
        Assert.False(result.Succeeded);
    }

    // ---- canonical form ----

    [Fact]
    [Trait("Rule", "SSJ-DRAW")]
    public void TheSameInputs_InAnotherOrder_DrawTheSame()
    {
        var sample = Sample();
        var shuffled = sample with
        {
            Subjects = sample.Subjects.Reverse().ToList(),
            Inspectors = [new(O4), new(O2), new(O5), new(O1), new(O3)],
            Conflicts = [.. sample.Conflicts.Reverse(), new(O2, S5)],
            PreviousPairings = sample.PreviousPairings.Reverse().ToList(),
            Parameters = new DrawParameters(new Dictionary<string, decimal> { ["D"] = 0.000m, [""] = 40m, ["C"] = 100m, ["A"] = 50.0m }, 2, false),
        };

        var a = VerifiableDraw.Run(sample);
        var b = VerifiableDraw.Run(shuffled);

        Assert.Equal(a.InputsHash, b.InputsHash);
        Assert.Equal(a.Seed, b.Seed);
        Assert.Equal(a.ResultHash, b.ResultHash);
        Assert.Equal(SampleAssignments, Flatten(b.Assignments));
    }

    [Fact]
    [Trait("Rule", "SSJ-RATIO")]
    public void Ratios_HashByValue_NotByHowTheDecimalIsWritten()
    {
        string Hash(decimal percent) => VerifiableDraw.Run(Pool(10, 3, "B", percent, Bureau)).InputsHash;

        Assert.Equal(Hash(5m), Hash(5.0m));
        Assert.Equal(Hash(5m), Hash(5.000m));
        Assert.Equal(Hash(12.5m), Hash(12.50m));
        Assert.NotEqual(Hash(5m), Hash(5.1m));
        Assert.NotEqual(Hash(5m), Hash(50m));
    }

    [Fact]
    [Trait("Rule", "SSJ-DRAW")]
    public void ASubjectOrInspectorListedTwice_IsRefused()
    {
        var sample = Sample();
        Assert.Throws<ArgumentException>(() => VerifiableDraw.Run(sample with { Subjects = [.. sample.Subjects, new(S2, "B")] }));
        Assert.Throws<ArgumentException>(() => VerifiableDraw.Run(sample with { Inspectors = [.. sample.Inspectors, new(O3)] }));
        Assert.Throws<ArgumentException>(() => VerifiableDraw.HashSubjects([new("X", "A"), new("X", "A")]));
        Assert.Throws<ArgumentException>(() => VerifiableDraw.HashInspectors([new("Y"), new("Y")]));
    }

    [Fact]
    [Trait("Rule", "SSJ-DRAW")]
    public void TextThatWouldBlurTheCanonicalLines_IsRefused()
    {
        var sample = Sample();
        Assert.Throws<ArgumentException>(() => VerifiableDraw.HashSubjects([new("A\tB", "A")]));
        Assert.Throws<ArgumentException>(() => VerifiableDraw.HashSubjects([new("X", "A\n")]));
        Assert.Throws<ArgumentException>(() => VerifiableDraw.HashSubjects([new("", "A")]));
        Assert.Throws<ArgumentException>(() => VerifiableDraw.HashInspectors([new("o\n1")]));
        Assert.Throws<ArgumentException>(() => VerifiableDraw.Run(sample with { SupervisorValue = "b\nc" }));
        Assert.Throws<ArgumentException>(() => VerifiableDraw.Run(sample with { SupervisorValue = "" }));
        Assert.Throws<ArgumentException>(() => VerifiableDraw.Run(sample with { Conflicts = [new(O1, "S\t1")] }));
    }

    [Fact]
    [Trait("Rule", "SSJ-DRAW")]
    public void AGuessableSecret_OrAnUnknownVersion_IsRefused()
    {
        Assert.Throws<ArgumentException>(() => VerifiableDraw.Commit("123456"));
        Assert.Throws<ArgumentException>(() => VerifiableDraw.Run(Sample(secret: "short-secret")));
        Assert.Throws<ArgumentException>(() => VerifiableDraw.Run(Sample() with { AlgorithmVersion = 2 }));
        var fresh = VerifiableDraw.NewSecret();
        Assert.Equal(64, fresh.Length);
        Assert.NotEqual(fresh, VerifiableDraw.NewSecret());
    }

    // ---- the published document ----

    [Fact]
    [Trait("Rule", "SSJ-DRAW")]
    public void ThePublishedDocument_AloneReRunsTheDraw()
    {
        var inputs = Sample();
        var json = VerifiableDraw.ToPublishedJson(inputs, VerifiableDraw.Run(inputs));

        var check = VerifiableDraw.Verify(json, VerifiableDraw.Commit(Secret));

        Assert.True(check.Matches);
        Assert.Empty(check.Differences);
        Assert.Equal(SampleAssignments, Flatten(check.Recomputed.Assignments));
        Assert.Equal("93c88a7ad764dc32ccce997aa5dfa315fc5914947721c09acabdcd29e6a4f718", check.Recomputed.Seed);
        // Upper-case hex and stray spaces in a commitment copied from a notice still match.
        Assert.True(VerifiableDraw.Verify(json, " " + VerifiableDraw.Commit(Secret).ToUpperInvariant() + " ").Matches);
    }

    [Fact]
    [Trait("Rule", "SSJ-DRAW")]
    public void ThePublishedDocument_HasAFixedShape_AndCanonicalInputs()
    {
        var inputs = Sample();
        var json = VerifiableDraw.ToPublishedJson(inputs, VerifiableDraw.Run(inputs));
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;

        Assert.Equal(
            ["version", "subjects", "inspectors", "parameters", "conflicts", "previousPairings", "bodySecret", "supervisorValue",
             "subjectsHash", "inspectorsHash", "inputsHash", "seed", "resultHash", "assignments"],
            root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(1, root.GetProperty("version").GetInt32());
        Assert.Equal([S1, S2, S3, S4, S5, S6, P7, P8, P9], root.GetProperty("subjects").EnumerateArray().Select(s => s.GetProperty("key").GetString()));
        Assert.Equal(
            ["=40", "A=50", "C=100", "D=0"],
            root.GetProperty("parameters").GetProperty("ratioPercentByGrade").EnumerateObject().Select(p => $"{p.Name}={p.Value.GetString()}"));
        Assert.Equal([O1, O2], root.GetProperty("conflicts").EnumerateArray().Select(c => c.GetProperty("inspectorKey").GetString()));
        Assert.Equal("b6e17ff718d0c187f1671f9e06896a373f7901cf52ca7b0e2d11c28f47d8d3ef", root.GetProperty("resultHash").GetString());
        Assert.DoesNotContain("\r", json, StringComparison.Ordinal);
        // The same draw from lists in another order publishes the same document.
        var reordered = inputs with { Subjects = inputs.Subjects.Reverse().ToList(), Conflicts = inputs.Conflicts.Reverse().ToList() };
        Assert.Equal(json, VerifiableDraw.ToPublishedJson(reordered, VerifiableDraw.Run(reordered)));
    }

    [Fact]
    [Trait("Rule", "SSJ-DRAW")]
    public void APublishedDocument_NeedsTheResultOfItsInputs()
    {
        var other = VerifiableDraw.Run(Sample(bureau: "another value"));
        Assert.Throws<ArgumentException>(() => VerifiableDraw.ToPublishedJson(Sample(), other));
    }

    private static string Published() => VerifiableDraw.ToPublishedJson(Sample(), VerifiableDraw.Run(Sample()));

    private static string Tamper(Action<JsonObject> change)
    {
        var root = JsonNode.Parse(Published())!.AsObject();
        change(root);
        return root.ToJsonString();
    }

    [Fact]
    [Trait("Rule", "SSJ-DRAW")]
    public void ASubjectRemovedAfterPublication_IsReported()
    {
        var json = Tamper(root => root["subjects"]!.AsArray().RemoveAt(2)); // S3, the first visited

        var check = VerifiableDraw.Verify(json, VerifiableDraw.Commit(Secret));

        Assert.False(check.Matches);
        Assert.Equal(["subjects_hash", "inputs_hash", "seed", "result_hash", "result"], check.Differences);
        Assert.Equal("bba668873afa0b08e8f6bde4db99573c91a8c55181ca667b9b093fb618f2c0f1", check.Recomputed.SubjectsHash);
        Assert.Equal("24066b4ec4f7598fb19411ce712cdf17c1d968554383e88c44a6c03f300760f8", check.Recomputed.Seed);
        Assert.DoesNotContain(check.Recomputed.Assignments, a => a.SubjectKey == S3);
        Assert.Equal([P8, S6, P7, S1, S5, S4], check.Recomputed.Assignments.Select(a => a.SubjectKey));
    }

    [Fact]
    [Trait("Rule", "SSJ-DRAW")]
    [Trait("Rule", "SSJ-RATIO")]
    public void AGradeChangedAfterPublication_IsReported()
    {
        var json = Tamper(root => root["subjects"]![2]!["grade"] = "B"); // S3 from A to B, which has no ratio

        var check = VerifiableDraw.Verify(json);

        Assert.Equal(["subjects_hash", "inputs_hash", "seed", "result_hash", "result"], check.Differences);
        Assert.Equal("47c2640e8d4be3172f96976192e3d6e28712b4864564f5a94647abb14a809819", check.Recomputed.SubjectsHash);
        Assert.Equal("97e080bcd2389414f37b7b75bfef8c71dc88f7a48b8f99ea9cdb33d7d17c279a", check.Recomputed.Seed);
        Assert.DoesNotContain(check.Recomputed.Assignments, a => a.SubjectKey == S3);
    }

    [Fact]
    [Trait("Rule", "SSJ-DRAW")]
    public void ASupervisorValueChangedAfterPublication_IsReported()
    {
        var json = Tamper(root => root["supervisorValue"] = "bureau-2026-03-03");

        var check = VerifiableDraw.Verify(json, VerifiableDraw.Commit(Secret));

        Assert.Equal(["seed", "result_hash", "result"], check.Differences);
        Assert.Equal("0569e8feadfda56f952ec0776eb7cba914a1ddc62b1bc013cee178774f12054e", check.Recomputed.Seed);
        Assert.Equal([P7, P8, S5, S4, S1, S6], check.Recomputed.Assignments.Select(a => a.SubjectKey));
    }

    [Fact]
    [Trait("Rule", "SSJ-DRAW")]
    public void ASecretThatIsNotTheCommittedOne_IsReported()
    {
        var published = Published();
        Assert.Equal(["commitment"], VerifiableDraw.Verify(published, VerifiableDraw.Commit("body-secret-0123456789abcdeg")).Differences);

        // A body that swaps its secret after seeing the bureau's value changes the seed as well.
        var json = Tamper(root => root["bodySecret"] = "body-secret-0123456789abcdeg");
        var check = VerifiableDraw.Verify(json, VerifiableDraw.Commit(Secret));
        Assert.Equal(["commitment", "seed", "result_hash", "result"], check.Differences);
        Assert.Equal("0f114342fcc26a9a33161f10beef85dfe8cd7949b07ad9eb5c427dd25100d6b8", check.Recomputed.Seed);
    }

    [Fact]
    [Trait("Rule", "SSJ-DRAW")]
    public void AConflictDroppedAfterPublication_IsReported()
    {
        var json = Tamper(root => root["conflicts"]!.AsArray().RemoveAt(0)); // officer-01 / P-0007

        var check = VerifiableDraw.Verify(json);

        Assert.Equal(["inputs_hash", "seed", "result_hash", "result"], check.Differences);
        Assert.Equal("7889875d9416669868327a577a38ed0e45e0d1eee8ddd2c69796e3c45558501d", check.Recomputed.Seed);
    }

    [Fact]
    [Trait("Rule", "SSJ-DRAW")]
    public void AnAssignmentOrHashEditedAfterPublication_IsReported()
    {
        var edited = Tamper(root => root["assignments"]![0]!["inspectorKeys"]![1] = O5); // S3 to officer-03 and officer-05
        var check = VerifiableDraw.Verify(edited, VerifiableDraw.Commit(Secret));
        Assert.Equal(["result"], check.Differences);
        Assert.Equal([O3, O4], check.Recomputed.Assignments[0].InspectorKeys);

        var reordered = Tamper(root =>
        {
            root["assignments"]![0]!["subjectKey"] = P8;
            root["assignments"]![1]!["subjectKey"] = S3;
        });
        Assert.Equal(["result"], VerifiableDraw.Verify(reordered).Differences);

        // An edit that would print the same canonical line is still an edit.
        var merged = Tamper(root =>
        {
            root["assignments"]![0]!["subjectKey"] = $"{S3}\t{O3}";
            root["assignments"]![0]!["inspectorKeys"]!.AsArray().RemoveAt(0);
        });
        Assert.Equal(["result"], VerifiableDraw.Verify(merged).Differences);

        Assert.Equal(["result_hash"], VerifiableDraw.Verify(Tamper(root => root["resultHash"] = new string('0', 64))).Differences);
        Assert.Equal(["subjects_hash"], VerifiableDraw.Verify(Tamper(root => root["subjectsHash"] = new string('0', 64))).Differences);
        Assert.Equal(["inspectors_hash"], VerifiableDraw.Verify(Tamper(root => root["inspectorsHash"] = new string('1', 64))).Differences);
    }

    [Fact]
    [Trait("Rule", "SSJ-DRAW")]
    public void ADocumentThatIsNotADraw_IsAFormatError()
    {
        Assert.Throws<FormatException>(() => VerifiableDraw.Verify("{"));
        Assert.Throws<FormatException>(() => VerifiableDraw.Verify("{}"));
        Assert.Throws<FormatException>(() => VerifiableDraw.Verify(Tamper(root => root["version"] = 2)));
        Assert.Throws<FormatException>(() => VerifiableDraw.Verify(Tamper(root => root["parameters"]!["inspectorsPerSubject"] = 1)));
        Assert.Throws<FormatException>(() => VerifiableDraw.Verify(Tamper(root => root["parameters"]!["ratioPercentByGrade"]!["A"] = "5e1")));
        Assert.Throws<FormatException>(() => VerifiableDraw.Verify(Tamper(root => root["subjects"]![0]!["key"] = null)));
    }

    // ---- inspectors (SSJ-DRAW) ----

    [Fact]
    [Trait("Rule", "SSJ-DRAW")]
    public void ConflictsAndPreviousPairings_AreNeverAssigned()
    {
        DrawExclusion[] conflicts = [new("I01", "S01"), new("I02", "S01"), new("I03", "S02"), new("I05", "S04"), new("I04", "S06")];
        DrawExclusion[] previous = [new("I03", "S01"), new("I01", "S02"), new("I02", "S03"), new("I05", "S03"), new("I04", "S05")];
        var forbidden = conflicts.Concat(previous).Select(e => (e.InspectorKey, e.SubjectKey)).ToHashSet();
        var assigned = 0;

        for (var run = 0; run < 300; run++)
        {
            var result = VerifiableDraw.Run(Pool(6, 5, "C", 100m, $"bureau-{run}", conflicts, previous));
            Assert.True(result.Succeeded);
            Assert.Equal(6, result.Assignments.Count);
            foreach (var a in result.Assignments)
            {
                Assert.Equal(2, a.InspectorKeys.Distinct().Count());
                Assert.DoesNotContain(a.InspectorKeys, i => forbidden.Contains((i, a.SubjectKey)));
                assigned += a.InspectorKeys.Count;
            }
        }
        Assert.Equal(300 * 6 * 2, assigned);
    }

    [Fact]
    [Trait("Rule", "SSJ-DRAW")]
    public void FewerThanTwoEligible_IsAShortfallNamingTheSubject()
    {
        var inputs = Pool(3, 3, "A", 100m, Bureau,
            conflicts: [new("I01", "S02"), new("I02", "S02"), new("I01", "S03")],
            previous: [new("I02", "S03"), new("I03", "S03")]);

        var result = VerifiableDraw.Run(inputs);

        Assert.False(result.Succeeded);
        Assert.Equal([new DrawShortfall("S02", 1), new DrawShortfall("S03", 0)], result.Shortfalls.OrderBy(s => s.SubjectKey, StringComparer.Ordinal));
        Assert.Empty(result.Assignments.Single(a => a.SubjectKey == "S02").InspectorKeys);
        Assert.Empty(result.Assignments.Single(a => a.SubjectKey == "S03").InspectorKeys);
        Assert.Equal(2, result.Assignments.Single(a => a.SubjectKey == "S01").InspectorKeys.Count);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(0)]
    [InlineData(-2)]
    [Trait("Rule", "SSJ-DRAW")]
    public void FewerThanTwoInspectorsPerSubject_IsRefused(int perSubject)
    {
        var sample = Sample();
        var ex = Assert.Throws<ArgumentException>(() => VerifiableDraw.Run(sample with { Parameters = sample.Parameters with { InspectorsPerSubject = perSubject } }));
        Assert.Contains("SSJ-DRAW", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Rule", "SSJ-DRAW")]
    public void TheLoad_IsSpreadOverTheInspectors()
    {
        for (var run = 0; run < 200; run++)
        {
            var result = VerifiableDraw.Run(Pool(6, 4, "B", 100m, $"bureau-{run}"));
            var load = result.Assignments.SelectMany(a => a.InspectorKeys).CountBy(i => i).ToDictionary();
            Assert.Equal(["I01", "I02", "I03", "I04"], load.Keys.Order(StringComparer.Ordinal));
            Assert.All(load.Values, n => Assert.Equal(3, n));
        }
    }

    // ---- subjects (SSJ-RATIO) ----

    [Theory]
    [InlineData(40, "5", 2)]
    [InlineData(7, "50", 4)]
    [InlineData(10, "0", 0)]
    [InlineData(10, "100", 10)]
    [InlineData(10, "150", 10)]
    [InlineData(20, "10", 2)]
    [InlineData(21, "10", 3)]
    [InlineData(3, "33.33", 1)]
    [InlineData(3, "33.34", 2)]
    [InlineData(3, "33.333333", 1)]
    [InlineData(3, "33.333334", 2)]
    [InlineData(7, "0.01", 1)]
    [InlineData(0, "50", 0)]
    [Trait("Rule", "SSJ-RATIO")]
    public void SampleSize_IsTheCeilingOfTheShare(int count, string percent, int expected) =>
        Assert.Equal(expected, VerifiableDraw.SampleSize(count, decimal.Parse(percent, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    [Trait("Rule", "SSJ-RATIO")]
    public void EachGrade_IsDrawnAtItsOwnRatio()
    {
        var subjects = new List<DrawSubject>();
        void Add(string grade, int n) => subjects.AddRange(Enumerable.Range(1, n).Select(i => new DrawSubject($"{grade}-{i:00}", grade)));
        Add("A", 40);
        Add("B", 4);
        Add("C", 5);
        Add("D", 3);
        Add("E", 7);
        Add("", 6);
        var ratios = new Dictionary<string, decimal> { ["A"] = 5m, ["C"] = 0m, ["D"] = 100m, ["E"] = 50m, [""] = 20m };
        var inputs = new DrawInputs(subjects, [new("o1"), new("o2"), new("o3")], new DrawParameters(ratios, 2, false), [], [], Secret, Bureau);

        var result = VerifiableDraw.Run(inputs);

        var byGrade = result.Assignments.CountBy(a => subjects.Single(s => s.Key == a.SubjectKey).Grade).ToDictionary();
        Assert.Equal(2, byGrade["A"]);
        Assert.False(byGrade.ContainsKey("B"));
        Assert.False(byGrade.ContainsKey("C"));
        Assert.Equal(3, byGrade["D"]);
        Assert.Equal(4, byGrade["E"]);
        Assert.Equal(2, byGrade[""]);
        Assert.Equal(Enumerable.Range(1, 11), result.Assignments.Select(a => a.Order));
        Assert.Equal(11, result.Assignments.Select(a => a.SubjectKey).Distinct().Count());
    }

    [Fact]
    [Trait("Rule", "SSJ-RATIO")]
    public void OrderOnly_TakesEverySubject_AndDrawsTheirOrder()
    {
        var orders = new HashSet<string>();
        for (var run = 0; run < 20; run++)
        {
            var inputs = Pool(8, 3, "A", 0m, $"bureau-{run}") with { Parameters = new DrawParameters(new Dictionary<string, decimal>(), 2, OrderOnly: true) };
            var result = VerifiableDraw.Run(inputs);
            Assert.Equal(Enumerable.Range(1, 8).Select(i => $"S{i:00}"), result.Assignments.Select(a => a.SubjectKey).Order(StringComparer.Ordinal));
            Assert.Equal(Enumerable.Range(1, 8), result.Assignments.Select(a => a.Order));
            orders.Add(string.Join(',', result.Assignments.Select(a => a.SubjectKey)));
        }
        // Twenty draws of 8! orders: a draw that kept the list order would give one.
        Assert.True(orders.Count >= 18, $"{orders.Count} distinct orders");
    }

    [Fact]
    [Trait("Rule", "SSJ-RATIO")]
    public void ANegativeRatio_OrOneFinerThanSixDecimals_IsRefused()
    {
        Assert.Throws<ArgumentException>(() => VerifiableDraw.Run(Pool(5, 3, "A", -1m, Bureau)));
        Assert.Throws<ArgumentException>(() => VerifiableDraw.Run(Pool(5, 3, "A", 33.3333333m, Bureau)));
        Assert.Throws<ArgumentException>(() => VerifiableDraw.SampleSize(5, 0.0000001m));
        Assert.Equal(3, VerifiableDraw.Run(Pool(5, 3, "A", 40.0000010m, Bureau)).Assignments.Count);
    }

    // ---- fairness ----

    [Fact]
    [Trait("Rule", "SSJ-RATIO")]
    [Trait("Rule", "SSJ-DRAW")]
    public void EverySubject_IsAsLikelyToBeDrawn()
    {
        // 2,000 draws of 3 among 10 (30%): each subject expects 600, standard deviation √(2000 × 0.3 × 0.7) ≈ 20.5.
        // A shuffle that favours or never picks some positions (taking the first three, a Sattolo cycle) lands far outside.
        var chosen = new int[10];
        var firstVisited = new int[10];
        for (var run = 0; run < 2000; run++)
        {
            var result = VerifiableDraw.Run(Pool(10, 2, "B", 30m, $"bureau-{run}"));
            Assert.Equal(3, result.Assignments.Count);
            foreach (var a in result.Assignments)
                chosen[int.Parse(a.SubjectKey[1..], System.Globalization.CultureInfo.InvariantCulture) - 1]++;
            firstVisited[int.Parse(result.Assignments[0].SubjectKey[1..], System.Globalization.CultureInfo.InvariantCulture) - 1]++;
        }
        Assert.All(chosen, n => Assert.InRange(n, 500, 700));
        // Each subject is visited first in 1 of 10 draws: 200 expected, standard deviation ≈ 13.4.
        Assert.All(firstVisited, n => Assert.InRange(n, 140, 260));
    }
}
