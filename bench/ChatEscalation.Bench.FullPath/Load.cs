using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;

namespace ChatEscalation.Bench.FullPath;

/// <summary>Sends Slack requests from this process: one at a time, or from parallel workers for a fixed time.</summary>
public sealed class Load(HttpClient client)
{
    public async Task<HttpResponseMessage> PostSlackAsync(string path, string body, bool signed = true)
    {
        var ts = SlackBodies.Now();
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");
        request.Headers.Add("X-Slack-Request-Timestamp", ts);
        request.Headers.Add("X-Slack-Signature", signed ? SlackBodies.Sign(ts, body) : "v0=00");
        var response = await client.SendAsync(request);
        await response.Content.LoadIntoBufferAsync();
        return response;
    }

    /// <summary>Requests <paramref name="from"/> … <paramref name="from"/>+<paramref name="count"/>-1 one after another; latencies in ms.</summary>
    public async Task<List<double>> SequentialAsync(string path, Func<long, string> body, long from, int count, bool signed = true)
    {
        var latencies = new List<double>(count);
        for (var n = from; n < from + count; n++)
        {
            var start = Stopwatch.GetTimestamp();
            using var response = await PostSlackAsync(path, body(n), signed);
            latencies.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            if (signed && !response.IsSuccessStatusCode) throw new InvalidOperationException($"{path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }

        return latencies;
    }

    /// <summary><paramref name="workers"/> loops for <paramref name="duration"/>, each request numbered from a shared counter.</summary>
    public async Task<(long Requests, long Failed, List<double> Latencies)> ParallelAsync(string path, Func<long, string> body, long from, int workers, TimeSpan duration)
    {
        var next = from - 1;
        long failed = 0;
        var until = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var all = new List<double>[workers];
        await Task.WhenAll(Enumerable.Range(0, workers).Select(async w =>
        {
            var mine = all[w] = [];
            while (Stopwatch.GetTimestamp() < until)
            {
                var n = Interlocked.Increment(ref next);
                var start = Stopwatch.GetTimestamp();
                using var response = await PostSlackAsync(path, body(n));
                mine.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                if (!response.IsSuccessStatusCode) Interlocked.Increment(ref failed);
            }
        }));
        var latencies = all.SelectMany(l => l).ToList();
        return (latencies.Count, failed, latencies);
    }

    public static double Percentile(List<double> values, double p)
    {
        if (values.Count == 0) return double.NaN;
        var sorted = values.Order().ToList();
        return sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p / 100 * sorted.Count) - 1)];
    }
}
