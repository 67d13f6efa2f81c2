namespace ATTT.Monitor.Collector.Tests.Access.Support;

/// <summary>
/// The expected outcome of every endpoint and page handler for each kind of caller (docs/roles.md
/// states the rules). Every target (incident, PC, drill run, filter, bystander account) belongs to
/// commune A, so the commune-A columns are "own unit" and the commune-B columns "other unit".
/// Letters: see <see cref="MatrixOutcome"/>. A row per key of <see cref="EndpointInventory"/>: a new
/// endpoint or handler without a row fails the matrix test, and so does a row without an endpoint.
/// </summary>
internal static class AuthorizationMatrix
{
    /// <summary>The columns: null is an anonymous caller.</summary>
    public static IReadOnlyList<string?> Principals { get; } =
    [
        null, AccessSite.OneTimeA, AccessSite.ProvinceAdmin, AccessSite.ProvinceViewer,
        AccessSite.AdminA, AccessSite.OfficerA, AccessSite.CoordinatorA, AccessSite.AdminB, AccessSite.OfficerB,
    ];

    private const string IncidentA = "/incidents/{incident}";
    private const string RunA = "/drills/runs/{run}";
    private const string RuleA = "/rules/rule?id={rule}";

    private static Dictionary<string, string> F(params (string Name, string Value)[] fields) => fields.ToDictionary(f => f.Name, f => f.Value, StringComparer.Ordinal);

    //                                                                                         anon otp  p.adm p.view a.adm a.off a.coo b.adm b.off
    public static IReadOnlyList<MatrixRow> Rows { get; } =
    [
        // The JSON API of the dashboard.
        new("GET /api/v1/incidents/", MatrixRequest.Get, "/api/v1/incidents",                         "S    P    O     O      O     O     O     O     O"),
        new("GET /api/v1/incidents/{id:long}", MatrixRequest.Get, "/api/v1/incidents/{incident}",    "S    P    O     O      O     O     O     D     D"),
        new("POST /api/v1/incidents/{id:long}/assign", MatrixRequest.Json, "/api/v1/incidents/{incident}/assign",
                                                                                                      "S    P    O     F      O     O     F     D     D", Json: """{"assignee":"canbo.a"}"""),
        new("POST /api/v1/incidents/{id:long}/comment", MatrixRequest.Json, "/api/v1/incidents/{incident}/comment",
                                                                                                      "S    P    O     F      O     O     F     D     D", Json: """{"text":"ý kiến"}"""),
        new("POST /api/v1/incidents/{id:long}/state", MatrixRequest.Json, "/api/v1/incidents/{incident}/state",
                                                                                                      "S    P    R     F      R     R     F     D     D", Json: """{"state":"in_progress"}"""),
        new("POST /api/v1/incidents/bulk", MatrixRequest.Json, "/api/v1/incidents/bulk",            "S    P    R     F      R     R     F     R     R", Json: """{"filter":"state=new","action":"comment","text":"ý kiến"}"""),
        new("GET /api/v1/detection/status", MatrixRequest.Get, "/api/v1/detection/status",           "S    P    O     O      O     O     O     O     O"),

        // The agents' API: an agent token, never a dashboard session; enrollment needs none.
        new("POST /api/v1/enroll", MatrixRequest.Json, "/api/v1/enroll",                              "R    P    R     R      R     R     R     R     R", Json: "{}"),
        new("POST /api/v1/events", MatrixRequest.Json, "/api/v1/events",                              "S    P    S     S      S     S     S     S     S", Json: "{}"),
        new("POST /api/v1/heartbeat", MatrixRequest.Json, "/api/v1/heartbeat",                        "S    P    S     S      S     S     S     S     S", Json: "{}"),
        new("POST /api/v1/posture", MatrixRequest.Json, "/api/v1/posture",                            "S    P    S     S      S     S     S     S     S", Json: "{}"),

        // A notice's acknowledgement link: the token in the e-mail is the credential.
        new("GET /notifications/ack/{token}", MatrixRequest.Get, "/notifications/ack/khong-co",       "R    P    R     R      R     R     R     R     R"),
        new("POST /notifications/ack/{token}", MatrixRequest.Json, "/notifications/ack/khong-co",     "R    P    R     R      R     R     R     R     R", Json: "{}"),

        // Pages every signed-in user sees (scoped to their units).
        new("GET /", MatrixRequest.Get, "/",                                                "S    P    O     O      O     O     O     O     O"),
        new("GET /signin", MatrixRequest.Get, "/signin",                                    "O    P    O     O      O     O     O     O     O"),
        new("POST /signin", MatrixRequest.Form, "/signin",                                  "R    P    R     R      R     R     R     R     R", F(("UserName", "khong-ton-tai"), ("Password", "sai"))),
        new("GET /language", MatrixRequest.Get, "/language",                                "O    P    O     O      O     O     O     O     O"),
        new("POST /language", MatrixRequest.Form, "/language",                              "O    P    O     O      O     O     O     O     O", F(("to", "vi"), ("returnUrl", "/"))),
        new("GET /forbidden", MatrixRequest.Get, "/forbidden",                                        "S    P    F     F      F     F     F     F     F"),
        new("GET /print-styles/{name}", MatrixRequest.Get, "/print-styles/report",          "S    P    O     O      O     O     O     O     O"),
        new("GET /account/password", MatrixRequest.Get, "/account/password",                "S    O    O     O      O     O     O     O     O"),
        new("POST /account/password", MatrixRequest.Form, "/account/password",             "S    O    O     O      O     O     O     O     O", F(("current", "sai"), ("new", "x"), ("confirm", "x"))),
        new("GET /incidents", MatrixRequest.Get, "/incidents",                              "S    P    O     O      O     O     O     O     O"),
        new("GET /incidents ?handler=Csv", MatrixRequest.Get, "/incidents?handler=Csv",    "S    P    O     O      O     O     O     O     O"),
        new("GET /incidents ?handler=Json", MatrixRequest.Get, "/incidents?handler=Json",  "S    P    O     O      O     O     O     O     O"),
        new("POST /incidents ?handler=Bulk", MatrixRequest.Form, "/incidents?handler=Bulk",         "S    P    O     F      O     O     F     O     O",
            F(("scope", "selected"), ("ids", "{incident}"), ("action", "comment"), ("note", "ý kiến"))),
        new("GET /reports/monthly", MatrixRequest.Get, "/reports/monthly?unit=" + AccessSite.UnitA, "S    P    O     O      O     O     O     D     D"),
        new("GET /reports/monthly ?handler=Print", MatrixRequest.Get, "/reports/monthly?handler=Print&unit=" + AccessSite.UnitA,
                                                                                                      "S    P    O     O      O     O     O     D     D"),
        new("GET /reports/monthly ?handler=Pdf", MatrixRequest.Get, "/reports/monthly?handler=Pdf&unit=" + AccessSite.UnitA,
                                                                                                      "S    P    O     O      O     O     O     D     D"),
        new("GET /incidents/{id:long}", MatrixRequest.Get, IncidentA,                       "S    P    O     O      O     O     O     D     D"),
        new("POST /incidents/{id:long} ?handler=Assign", MatrixRequest.Form, IncidentA + "?handler=Assign",
                                                                                                      "S    P    R     F      R     R     F     D     D", F(("assignee", "canbo.a"))),
        new("POST /incidents/{id:long} ?handler=Comment", MatrixRequest.Form, IncidentA + "?handler=Comment",
                                                                                                      "S    P    R     F      R     R     F     D     D", F(("text", "ý kiến"))),
        new("POST /incidents/{id:long} ?handler=State", MatrixRequest.Form, IncidentA + "?handler=State",
                                                                                                      "S    P    R     F      R     R     F     D     D", F(("state", "in_progress"))),
        // Only an administrator of the unit or the province marks a personal-data breach; the service refuses (and audits) the rest.
        new("POST /incidents/{id:long} ?handler=PersonalData", MatrixRequest.Form, IncidentA + "?handler=PersonalData",
                                                                                                      "S    P    O     F      O     F     F     D     D", F(("note", "họ tên, số CCCD của 120 người dân"))),
        new("POST /incidents/{id:long} ?handler=Step", MatrixRequest.Form, IncidentA + "?handler=Step",
                                                                                                      "S    P    R     F      R     R     F     D     D", F(("playbook", "khong-co"), ("step", "khong-co"))),
        new("GET /incidents/{id:long}/reports/{reportId:long?}", MatrixRequest.Get, IncidentA + "/reports/{report}",
                                                                                                      "S    P    O     O      O     O     O     D     D"),
        new("GET /incidents/{id:long}/reports/{reportId:long?} ?handler=Print", MatrixRequest.Get, IncidentA + "/reports/{report}?handler=Print",
                                                                                                      "S    P    R     R      R     R     R     D     D"),
        new("GET /incidents/{id:long}/reports/{reportId:long?} ?handler=Pdf", MatrixRequest.Get, IncidentA + "/reports/{report}?handler=Pdf",
                                                                                                      "S    P    R     R      R     R     R     D     D"),
        new("POST /incidents/{id:long}/reports/{reportId:long?} ?handler=Create", MatrixRequest.Form, IncidentA + "/reports/{report}?handler=Create",
                                                                                                      "S    P    R     F      R     R     F     D     D", F(("form", "khong-co"))),
        new("POST /incidents/{id:long}/reports/{reportId:long?} ?handler=Save", MatrixRequest.Form, IncidentA + "/reports/{report}?handler=Save",
                                                                                                      "S    P    R     F      R     R     F     D     D"),
        new("POST /incidents/{id:long}/reports/{reportId:long?} ?handler=Send", MatrixRequest.Form, IncidentA + "/reports/{report}?handler=Send",
                                                                                                      "S    P    R     F      R     R     F     D     D"),

        // PCs: enrollment codes and revoking are the unit's (province: any unit).
        new("GET /pcs", MatrixRequest.Get, "/pcs",                                          "S    P    O     O      O     O     O     O     O"),
        new("POST /pcs ?handler=Enroll", MatrixRequest.Form, "/pcs?handler=Enroll",                   "S    P    O     F      O     O     F     F     F", F(("unit", AccessSite.UnitA))),
        new("GET /pcs/host", MatrixRequest.Get, "/pcs/host?unit=" + AccessSite.UnitA + "&name=PC-A",  "S    P    O     O      O     O     O     D     D"),
        new("GET /pcs/{id}", MatrixRequest.Get, "/pcs/{pc}",                                "S    P    O     O      O     O     O     D     D"),
        new("POST /pcs/{id} ?handler=Revoke", MatrixRequest.Form, "/pcs/{pc}?handler=Revoke",         "S    P    R     F      R     F     F     D     D", F(("confirm", "false"))),

        // Rules: disabling and false-positive filters are the unit's (province: any unit or all).
        new("GET /events", MatrixRequest.Get, "/events",                                    "S    P    O     O      O     O     O     O     O"),
        new("GET /events/timeline", MatrixRequest.Get, "/events/timeline?incident={incident}", "S    P    O     O      O     O     O     D     D"),
        new("GET /events/{id:long}", MatrixRequest.Get, "/events/1",                         "S    P    R     R      R     R     R     D     D"),
        new("GET /api/v1/events", MatrixRequest.Get, "/api/v1/events",                       "S    P    O     O      O     O     O     O     O"),
        new("POST /rules ?handler=AddNoisy", MatrixRequest.Form, "/rules?handler=AddNoisy",   "S    P    R     F      F     F     F     F     F", F(("ruleId", "{rule}"), ("reason", "thử"))),
        new("POST /rules ?handler=RemoveNoisy", MatrixRequest.Form, "/rules?handler=RemoveNoisy", "S    P    R     F      F     F     F     F     F", F(("ruleId", "{rule}"))),
        new("POST /rules ?handler=SetLevel", MatrixRequest.Form, "/rules?handler=SetLevel",   "S    P    R     F      R     F     F     F     F", F(("ruleId", "{rule}"), ("unit", AccessSite.UnitA), ("level", "low"))),
        new("GET /rules", MatrixRequest.Get, "/rules",                                      "S    P    O     O      O     O     O     O     O"),
        new("GET /rules/rule", MatrixRequest.Get, RuleA,                                    "S    P    O     O      O     O     O     O     O"),
        new("POST /rules/rule ?handler=Disable", MatrixRequest.Form, RuleA + "&handler=Disable",      "S    P    R     F      R     R     F     F     F", F(("unit", AccessSite.UnitA), ("reason", "thử"))),
        new("POST /rules/rule ?handler=Enable", MatrixRequest.Form, RuleA + "&handler=Enable",        "S    P    R     F      R     R     F     F     F", F(("unit", AccessSite.UnitA), ("reason", "thử"))),
        new("POST /rules/rule ?handler=AddFilter", MatrixRequest.Form, RuleA + "&handler=AddFilter",  "S    P    R     F      R     R     F     F     F",
            F(("unit", AccessSite.UnitA), ("field", "host"), ("op", "equals"), ("value", "PC-A"), ("reason", "máy thử nghiệm"))),
        new("POST /rules/rule ?handler=RemoveFilter", MatrixRequest.Form, RuleA + "&handler=RemoveFilter",
                                                                                                      "S    P    R     D      R     R     D     D     D", F(("filter", "{filter}"), ("reason", "thử"))),

        // Drills: starting one is the playbook's unit's (province: any); the run's pages are its unit's.
        new("GET /drills", MatrixRequest.Get, "/drills",                                    "S    P    O     O      O     O     O     O     O"),
        new("POST /drills ?handler=Run", MatrixRequest.Form, "/drills?handler=Run",                   "S    P    O     F      O     F     O     F     F", F(("playbook", "{playbook}"))),
        new("GET /drills/runs/{runId:long}", MatrixRequest.Get, RunA,                       "S    P    O     O      O     O     O     D     D"),
        new("GET /drills/runs/{runId:long} ?handler=Report", MatrixRequest.Get, RunA + "?handler=Report",
                                                                                                      "S    P    O     O      O     O     O     D     D"),
        new("GET /drills/runs/{runId:long} ?handler=Csv", MatrixRequest.Get, RunA + "?handler=Csv",   "S    P    O     O      O     O     O     D     D"),
        new("POST /drills/runs/{runId:long} ?handler=SignOff", MatrixRequest.Form, RunA + "?handler=SignOff",
                                                                                                      "S    P    R     F      R     F     R     D     D", F(("step", "{step}"))),
        new("POST /drills/runs/{runId:long} ?handler=Lessons", MatrixRequest.Form, RunA + "?handler=Lessons",
                                                                                                      "S    P    R     F      R     F     R     D     D", F(("lessons", "bài học"))),

        // Administration: users of the unit; what spans every unit is the province administrator's.
        new("GET /notifications/dead-letters", MatrixRequest.Get, "/notifications/dead-letters",
                                                                                                      "S    P    O     F      F     F     F     F     F"),
        new("POST /notifications/dead-letters ?handler=Requeue", MatrixRequest.Form, "/notifications/dead-letters?handler=Requeue",
                                                                                                      "S    P    R     F      F     F     F     F     F", F(("id", "999999"))),
        new("POST /notifications/dead-letters ?handler=GiveUp", MatrixRequest.Form, "/notifications/dead-letters?handler=GiveUp",
                                                                                                      "S    P    R     F      F     F     F     F     F", F(("id", "999999"))),
        new("GET /settings", MatrixRequest.Get, "/settings",                                "S    P    O     F      O     F     F     O     F"),
        new("POST /settings ?handler=Retention", MatrixRequest.Form, "/settings?handler=Retention",   "S    P    O     F      F     F     F     F     F", F(("days", "90"))),
        new("POST /settings ?handler=Create", MatrixRequest.Form, "/settings?handler=Create",         "S    P    O     F      O     F     F     F     F",
            F(("userName", "moi.{caller}"), ("displayName", "Người mới"), ("role", "officer"), ("unit", AccessSite.UnitA))),
        new("POST /settings ?handler=Update", MatrixRequest.Form, "/settings?handler=Update",         "S    P    O     F      O     F     F     F     F",
            F(("id", "{bystander}"), ("role", "officer"), ("unit", AccessSite.UnitA))),
        new("POST /settings ?handler=Reset", MatrixRequest.Form, "/settings?handler=Reset",           "S    P    O     F      O     F     F     F     F", F(("id", "{bystander}"))),

        // Last: it ends the session, at the sign-in page.
        new("GET /signout", MatrixRequest.Get, "/signout",                                            "S    O    O     O      O     O     O     O     O"),
        new("POST /signout", MatrixRequest.Form, "/signout",                                          "S    S    S     S      S     S     S     S     S"),
    ];
}
