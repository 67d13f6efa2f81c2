using System.Globalization;

namespace ATTT.Monitor.Collector.Storage.Elasticsearch;

/// <summary>
/// The lifecycle policy (retention), the data stream's index template with explicit ECS mappings,
/// and the two small helper indices (batch markers for idempotence, the ingest id counter).
/// </summary>
internal static class ElasticsearchSetup
{
    public static string PolicyName(string dataStream) => dataStream + "-retention";
    public static string BatchesIndex(string dataStream) => "attt-batches-" + dataStream;
    public static string StateIndex(string dataStream) => "attt-state-" + dataStream;

    public static string Policy(int retentionDays) => """
        {"policy":{"phases":{
          "hot":{"actions":{"rollover":{"max_age":"1d","max_primary_shard_size":"50gb"}}},
          "delete":{"min_age":"__DAYS__d","actions":{"delete":{}}}}}}
        """.Replace("__DAYS__", retentionDays.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);

    public static string Template(string dataStream) => """
        {"index_patterns":["__STREAM__"],"data_stream":{},"priority":500,
         "_meta":{"description":"ATTT Monitor Windows events (ECS)"},
         "template":{
          "settings":{"index.lifecycle.name":"__POLICY__","number_of_shards":1,"index.mapping.total_fields.limit":10000},
          "mappings":{
           "dynamic_templates":[
            {"winlog_data":{"path_match":["winlog.event_data.*","winlog.user_data.*"],"mapping":{"type":"keyword","ignore_above":8191}}},
            {"strings":{"match_mapping_type":"string","mapping":{"type":"keyword","ignore_above":1024}}}],
           "properties":{
            "@timestamp":{"type":"date_nanos"},
            "event":{"properties":{"kind":{"type":"keyword"},"module":{"type":"keyword"},"code":{"type":"keyword"},"provider":{"type":"keyword"},"ingested":{"type":"date"}}},
            "host":{"properties":{"name":{"type":"keyword"}}},
            "winlog":{"properties":{
             "channel":{"type":"keyword"},"event_id":{"type":"keyword"},"record_id":{"type":"keyword"},
             "computer_name":{"type":"keyword"},"provider_name":{"type":"keyword"},"provider_guid":{"type":"keyword"},
             "keywords":{"type":"keyword"},"activity_id":{"type":"keyword"},"related_activity_id":{"type":"keyword"},
             "task":{"type":"keyword"},"opcode":{"type":"keyword"},"version":{"type":"long"},
             "user":{"properties":{"identifier":{"type":"keyword"}}},
             "process":{"properties":{"pid":{"type":"long"},"thread":{"properties":{"id":{"type":"long"}}}}},
             "event_data":{"type":"object"},"user_data":{"type":"object"}}},
            "attt":{"properties":{
             "unit":{"type":"keyword"},"agent_id":{"type":"keyword"},"ingest_id":{"type":"long"},
             "drill":{"type":"boolean"},"received_at":{"type":"date"},
             "values":{"type":"wildcard"},
             "event":{"type":"keyword","index":false,"doc_values":false}}}}}}}
        """.Replace("__STREAM__", dataStream, StringComparison.Ordinal).Replace("__POLICY__", PolicyName(dataStream), StringComparison.Ordinal);

    public const string BatchesMapping = """
        {"settings":{"number_of_shards":1},"mappings":{"dynamic":"strict","properties":{
          "agent_id":{"type":"keyword"},"seq":{"type":"long"},"accepted":{"type":"integer"},
          "dropped":{"type":"long"},"last_event_id":{"type":"long"},"received_at":{"type":"date"},
          "losses":{"type":"keyword","index":false,"doc_values":false}}}}
        """;

    /// <summary>The batch markers' fields added since the index was first made (added to an existing index; adding a field is allowed).</summary>
    public const string BatchesAddedFields = """
        {"properties":{"losses":{"type":"keyword","index":false,"doc_values":false}}}
        """;

    public const string StateMapping = """
        {"settings":{"number_of_shards":1},"mappings":{"dynamic":"strict","properties":{"next":{"type":"long"}}}}
        """;
}
