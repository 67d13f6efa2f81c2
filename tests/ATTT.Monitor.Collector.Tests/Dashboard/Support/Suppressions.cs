using System.Diagnostics.CodeAnalysis;

// Dashboard tests talk to Kestrel on loopback with short requests; the HttpClient default timeout
// bounds them, and passing the test token to every call only adds noise to the scenarios.
[assembly: SuppressMessage("Usage", "xUnit1051:Calls to methods which accept CancellationToken should use TestContext.Current.CancellationToken", Justification = "Loopback requests bounded by HttpClient timeouts.", Scope = "namespaceanddescendants", Target = "~N:ATTT.Monitor.Collector.Tests.Dashboard")]
