using System.Globalization;
using ATTT.Monitor.Events;
using ATTT.Monitor.Sigma;

namespace ATTT.Monitor.Collector.Cli.Scan;

/// <summary>The event-side columns of a detection, whatever the event type.</summary>
internal readonly record struct DetectionFields(long? RecordId, string Timestamp, string Computer, string Channel, int? EventId)
{
    public static DetectionFields Of(SigmaDetection d)
    {
        if (d.Event is EventRecord r)
            return new DetectionFields(r.RecordId, EventTime.Format(d.Timestamp), r.Computer, r.Channel, r.EventId);
        long? recordId = d.Event.TryGetField("EventRecordID", out var rid) && long.TryParse(rid, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null;
        int? eventId = d.Event.TryGetField("EventID", out var eid) && int.TryParse(eid, NumberStyles.Integer, CultureInfo.InvariantCulture, out var e) ? e : null;
        return new DetectionFields(recordId, EventTime.Format(d.Timestamp),
            d.Event.TryGetField("Computer", out var c) ? c ?? "" : "",
            d.Event.TryGetField("Channel", out var ch) ? ch ?? "" : "", eventId);
    }
}
