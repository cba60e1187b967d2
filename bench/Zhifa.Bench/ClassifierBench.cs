using System.Diagnostics;
using Microsoft.Extensions.Options;
using Zhifa.Server.Features.Triage;
using static Zhifa.Bench.Report;

namespace Zhifa.Bench;

/// <summary>
/// The clue classifier on the shipped examples: held-out top-1 and top-3 accuracy, what each
/// auto-dispatch threshold would dispatch and how often rightly, training time, and the latency of
/// one classification (segmentation, prediction, ranking: what the endpoint and intake call), from
/// one thread and from one thread per core.
/// </summary>
internal static class ClassifierBench
{
    private static readonly double[] Thresholds = [0.3, 0.4, 0.5, 0.6, 0.7, 0.8];

    public static void Run(int calls, int trainings)
    {
        Console.WriteLine();
        Console.WriteLine("Zhifa clue classifier (jieba + ML.NET SDCA maximum entropy, shipped examples)");
        foreach (var (name, value) in Machine.Common())
            Line(name, value);

        var segmenter = new TextSegmenter();
        var clock = Stopwatch.StartNew();
        segmenter.Warm();
        Line("jieba dictionaries loaded", $"{clock.ElapsedMilliseconds} ms (once per process)");
        var shipped = TriageExamples.LoadShipped();
        var (training, heldOut) = TriageExamples.Split(shipped);

        Console.WriteLine();
        Console.WriteLine($"Training ({trainings} runs each; one SDCA thread, fixed seed)");
        var split = TimeTrainings(trainings, training, segmenter, $"{training.Count} examples (held-out split)");
        TimeTrainings(trainings, shipped, segmenter, $"{shipped.Count} examples (all: start-up)");

        Console.WriteLine();
        var accuracy = split.Measure(heldOut);
        Console.WriteLine($"Held out: {accuracy.Examples} examples ({TriageExamples.HeldOutPerMatter} per matter)");
        Line("top-1 accuracy", $"{accuracy.Top1:0.000}");
        Line("top-3 accuracy", $"{accuracy.Top3:0.000}");
        var classifier = new ClueClassifier(Options.Create(new ClassifierOptions()));
        classifier.Use(split);
        var judged = heldOut.Select(e => (Result: classifier.Classify(e.Text), e.MatterCode)).ToList();
        Console.WriteLine("  threshold   dispatched at once   right among them   wrong dispatches (of all)");
        foreach (var threshold in Thresholds)
        {
            var above = judged.Where(j => j.Result.Best.Confidence >= threshold).ToList();
            var right = above.Count(j => j.Result.Best.MatterCode == j.MatterCode);
            Console.WriteLine($"  {threshold,9:0.00}   {above.Count,5} ({Percent(above.Count, judged.Count),5})        {Percent(right, above.Count),6}            {above.Count - right,3} ({Percent(above.Count - right, judged.Count)})");
        }

        Console.WriteLine();
        var texts = heldOut.Select(e => e.Text).ToArray();
        Console.WriteLine($"Latency of Classify over the held-out texts (mean {texts.Average(t => t.Length):0} characters), {calls} calls after {calls / 5} warm-up calls");
        Latency(classifier, texts, calls, threads: 1);
        Latency(classifier, texts, calls, threads: Environment.ProcessorCount);
        Latency(classifier, texts, calls, threads: Environment.ProcessorCount * 4);
        // Hotline write-ups run long, and intake accepts up to a clue's maximum: the cost grows with the text.
        var longest = shipped.MaxBy(e => e.Text.Length)!.Text;
        var limit = string.Concat(Enumerable.Repeat(longest, Zhifa.Core.Incidents.Clue.MaxTextLength / longest.Length + 1))[..Zhifa.Core.Incidents.Clue.MaxTextLength];
        Console.WriteLine($"The longest shipped example ({longest.Length} characters), then it repeated to the clue's limit ({limit.Length}), {calls / 5} calls each");
        Latency(classifier, [longest], calls / 5, threads: 1);
        Latency(classifier, [limit], calls / 5, threads: 1);
    }

    private static ClassifierModel TimeTrainings(int runs, IReadOnlyList<TriageExample> examples, TextSegmenter segmenter, string what)
    {
        var times = new List<double>();
        ClassifierModel? model = null;
        for (var i = 0; i < runs; i++)
        {
            var clock = Stopwatch.StartNew();
            model = ClassifierModel.Train(examples, segmenter);
            times.Add(clock.Elapsed.TotalSeconds);
        }
        Line(what, $"median {Median(times):0.00} s ({string.Join(", ", times.Select(t => t.ToString("0.00")))})");
        return model!;
    }

    private static void Latency(ClueClassifier classifier, string[] texts, int calls, int threads)
    {
        for (var i = 0; i < calls / 5; i++)
            classifier.Classify(texts[i % texts.Length]);
        var perThread = calls / threads;
        var samples = new double[perThread * threads];
        var wall = Stopwatch.StartNew();
        Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, t =>
        {
            for (var i = 0; i < perThread; i++)
            {
                var start = Stopwatch.GetTimestamp();
                classifier.Classify(texts[(t * 7919 + i) % texts.Length]);
                samples[t * perThread + i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            }
        });
        var elapsed = wall.Elapsed.TotalSeconds;
        Array.Sort(samples);
        Line($"{threads} thread{(threads == 1 ? "" : "s")}",
            $"p50 {Percentile(samples, 0.50):0.000} ms, p99 {Percentile(samples, 0.99):0.000} ms, max {samples[^1]:0.0} ms, {samples.Length / elapsed:0} calls/s");
    }

    private static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)(p * sorted.Length))];

    private static string Percent(int part, int whole) => whole == 0 ? "-" : $"{100.0 * part / whole:0.0}%";

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
}
