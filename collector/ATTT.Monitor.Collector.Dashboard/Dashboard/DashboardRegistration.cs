using ATTT.Monitor.Collector.Dashboard.Localization;
using ATTT.Monitor.Collector.Dashboard.Security;
using ATTT.Monitor.Collector.Storage;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc.ApplicationParts;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ATTT.Monitor.Collector.Dashboard;

/// <summary>
/// Registers the dashboard: Razor Pages under Dashboard/Pages, cookie sign-in, role policies,
/// antiforgery, security headers, texts, and the CSS/JS embedded in the assembly (no CDN, no
/// build step).
/// </summary>
public static class DashboardRegistration
{
    public static IServiceCollection AddDashboard(this IServiceCollection services, DataDirectoryOptions data)
    {
        ArgumentNullException.ThrowIfNull(data);
        services.AddHttpContextAccessor();
        // Vietnamese letters go out as UTF-8, not as numeric entities; markup characters are still encoded.
        services.AddWebEncoders(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        // Cookie keys live beside the data, so sessions survive restarts and each data folder has its own.
        services.AddDataProtection()
            .SetApplicationName("ATTT.Monitor")
            .PersistKeysToFileSystem(new DirectoryInfo(data.KeysPath));
        services.AddScoped<DashboardText>();
        services.AddSingleton<DashboardClock>();
        services.AddSingleton<DashboardAudit>();
        services.AddScoped<Workstations.PcDirectory>();
        services.AddScoped<Workstations.PcList>();
        services.AddTransient<IStartupFilter, SecurityHeadersStartupFilter>();
        services.AddTransient<IStartupFilter, PasswordChangeGateStartupFilter>();
        services.TryAddSingleton<Users.StartupNotices>();
        services.AddHostedService<Reporting.PdfFontStartupCheck>();

        services.AddAuthentication()
            .AddCookie(DashboardPolicies.Scheme, o =>
            {
                o.Cookie.Name = "attt_session";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.LoginPath = "/signin";
                o.LogoutPath = "/signout";
                o.AccessDeniedPath = "/forbidden";
                o.ExpireTimeSpan = TimeSpan.FromHours(8);
                o.SlidingExpiration = true;
                o.Events.OnValidatePrincipal = UserRevalidation.ValidateAsync;
                o.Events.OnRedirectToLogin = ctx => RedirectOrStatus(ctx, StatusCodes.Status401Unauthorized);
                o.Events.OnRedirectToAccessDenied = ctx => RedirectOrStatus(ctx, StatusCodes.Status403Forbidden);
            });
        // The dashboard cookie is the default only if no other area claimed the default scheme.
        services.PostConfigure<AuthenticationOptions>(o => o.DefaultScheme ??= DashboardPolicies.Scheme);
        services.AddAuthorizationBuilder().AddDashboardPolicies();

        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "attt_csrf";
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.FormFieldName = "__csrf";
        });
        // The one-time message a form leaves for the page it redirects to (Forms/FlashMessage).
        services.Configure<Microsoft.AspNetCore.Mvc.CookieTempDataProviderOptions>(o =>
        {
            o.Cookie.Name = "attt_flash";
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.Cookie.IsEssential = true;
        });
        services.AddRazorPages(o =>
        {
            o.RootDirectory = "/Dashboard/Pages";
            o.Conventions.AuthorizeFolder("/", DashboardPolicies.Dashboard);
            o.Conventions.AllowAnonymousToPage("/SignIn");
            o.Conventions.AllowAnonymousToPage("/Language");
            o.Conventions.AuthorizeFolder("/Settings", DashboardPolicies.Admin);
        }).ConfigureApplicationPartManager(parts =>
        {
            // The pages are compiled into this assembly; when it is not the entry assembly (tests
            // hosting the collector in-process) MVC would not find them on its own.
            var assembly = typeof(DashboardRegistration).Assembly;
            if (!parts.ApplicationParts.Any(p => p.Name == assembly.GetName().Name))
            {
                foreach (var part in ApplicationPartFactory.GetApplicationPartFactory(assembly).GetApplicationParts(assembly))
                    parts.ApplicationParts.Add(part);
            }
        });
        return services;
    }

    public static WebApplication MapDashboard(this WebApplication app)
    {
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = new EmbeddedFileProvider(typeof(DashboardRegistration).Assembly, "ATTT.Monitor.Collector.Dashboard.Assets"),
            RequestPath = "/assets",
        });
        // Error statuses without a body get a page in the user's language (the JSON API keeps its own bodies).
        app.UseWhen(
            context => !context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase),
            branch => branch.UseStatusCodePages(context => StatusPages.WriteAsync(context.HttpContext)));
        // Text on a page (Razor's @number) formats numbers as the reader's language does; SVG and CSS
        // numbers are written with the invariant culture explicitly (Charts/SvgNumber).
        app.UseWhen(
            context => !context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase),
            branch => branch.Use((context, next) =>
            {
                var culture = DashboardLanguage.CultureOf(context.Request.Cookies[DashboardLanguage.CookieName] == DashboardLanguage.English ? DashboardLanguage.English : DashboardLanguage.Vietnamese);
                System.Globalization.CultureInfo.CurrentCulture = culture;
                System.Globalization.CultureInfo.CurrentUICulture = culture;
                return next(context);
            }));
        app.MapRazorPages();
        EventViews.EventsApi.MapEventsApi(app);
        return app;
    }

    // Pages redirect to the sign-in page; API callers get the status code instead of a 302 to HTML.
    private static Task RedirectOrStatus(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
            context.Response.StatusCode = status;
        else
            context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
