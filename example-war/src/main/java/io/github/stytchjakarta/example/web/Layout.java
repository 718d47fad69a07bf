package io.github.stytchjakarta.example.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The frame of every page: header with navigation, the viewer and the sign-out button, and the stylesheet
 * (inline: the app has no static files to serve). Links are relative to a {@code <base>} of the app's base
 * path, so the app works under any context root. Stateless and thread-safe.
 */
public final class Layout {

    /** The app's name in the header and the title. */
    public static final String APP_NAME = "Docs";

    /** The navigation of a signed-in viewer. */
    private static final List<Link> NAVIGATION = List.of(
            new Link("documents", "Documents"), new Link("sessions", "Sessions"), new Link("me", "Profile"));

    /** The navigation entry of admins only. */
    private static final Link ADMIN = new Link("admin", "Admin");

    private static final String STYLESHEET = """
            :root { --ink:#1d2433; --muted:#667085; --line:#e4e7ec; --bg:#f5f6fa; --brand:#4338ca; --brand-soft:#eef2ff;
                    --danger:#b42318; --danger-soft:#fef3f2; --ok:#067647; }
            * { box-sizing: border-box; }
            body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink);
                   background: var(--bg); }
            header { background: #fff; border-bottom: 1px solid var(--line); }
            .bar { max-width: 980px; margin: 0 auto; padding: .7rem 1.25rem; display: flex; align-items: center; gap: 1.5rem; }
            .brand { font-weight: 700; font-size: 1.05rem; color: var(--ink); text-decoration: none; }
            .brand span { color: var(--brand); }
            nav a { color: var(--muted); text-decoration: none; margin-right: 1.1rem; }
            nav a:hover, nav a.active { color: var(--brand); }
            .who { margin-left: auto; display: flex; align-items: center; gap: .75rem; font-size: .9rem; color: var(--muted); }
            .who strong { color: var(--ink); font-weight: 600; }
            main { max-width: 980px; margin: 2rem auto; padding: 0 1.25rem; }
            h1 { font-size: 1.55rem; margin: 0 0 .25rem; }
            h2 { font-size: 1.1rem; margin: 0 0 .75rem; }
            h2:not(:first-child) { margin-top: 1.4rem; }
            .lead { color: var(--muted); margin: 0 0 1.5rem; }
            .card { background: #fff; border: 1px solid var(--line); border-radius: 10px; padding: 1.25rem 1.4rem;
                    margin-bottom: 1.25rem; }
            .card.alert { border-left: 4px solid var(--danger); background: var(--danger-soft); }
            table { width: 100%; border-collapse: collapse; }
            th, td { text-align: left; padding: .55rem .5rem; border-bottom: 1px solid var(--line); vertical-align: top; }
            tr:last-child td { border-bottom: 0; }
            th { font-size: .75rem; text-transform: uppercase; letter-spacing: .05em; color: var(--muted); font-weight: 600; }
            .btn { display: inline-block; border: 1px solid var(--brand); background: var(--brand); color: #fff;
                   border-radius: 7px; padding: .38rem .85rem; font: inherit; font-size: .9rem; cursor: pointer;
                   text-decoration: none; }
            .btn:hover { filter: brightness(1.1); }
            .btn.secondary { background: #fff; color: var(--brand); }
            .btn.danger { background: #fff; border-color: var(--danger); color: var(--danger); }
            .pill { display: inline-block; padding: .05rem .55rem; border-radius: 99px; background: var(--brand-soft);
                    color: var(--brand); font-size: .78rem; margin: 0 .25rem .15rem 0; }
            .pill.here { background: #ecfdf3; color: var(--ok); }
            .muted { color: var(--muted); }
            .small { font-size: .85rem; }
            .needs { font-size: .8rem; color: var(--muted); margin-left: .5rem; }
            form.inline { display: inline; margin: 0; }
            label { display: block; font-weight: 600; font-size: .9rem; margin: .75rem 0 .25rem; }
            input[type=text], textarea, select { width: 100%; padding: .5rem .6rem; border: 1px solid var(--line);
                    border-radius: 7px; font: inherit; background: #fff; }
            textarea { min-height: 5rem; resize: vertical; }
            .actions { margin-top: 1rem; display: flex; gap: .5rem; align-items: center; }
            code { background: #f2f4f7; padding: .1rem .35rem; border-radius: 4px; font-size: .85em; }
            pre { background: #101828; color: #e4e7ec; padding: 1rem; border-radius: 8px; overflow-x: auto; font-size: .85rem; }
            .grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(260px, 1fr)); gap: 1.25rem; }
            .people button { width: 100%; text-align: left; }
            dl { display: grid; grid-template-columns: max-content 1fr; gap: .35rem 1.25rem; margin: 0; }
            dt { color: var(--muted); }
            dd { margin: 0; overflow-wrap: anywhere; }
            .split { display: grid; grid-template-columns: 3fr 2fr; gap: 1.25rem; }
            footer { max-width: 980px; margin: 0 auto 2rem; padding: 0 1.25rem; color: var(--muted); font-size: .8rem; }
            """;

    private Layout() {
    }

    /**
     * A complete page.
     *
     * @param basePath   the app's base path, ending with {@code /} (the context path and {@code /})
     * @param title      the page title (also the {@code <h1>})
     * @param lead       a sentence under the title, {@code ""} for none
     * @param activePath the navigation entry to highlight, e.g. {@code documents}
     * @param viewer     who is signed in, empty on public pages for anonymous visitors
     * @param content    the body
     * @return the document
     */
    public static String page(String basePath, String title, String lead, String activePath, Optional<Viewer> viewer,
                              Html content) {
        Html navigation = viewer.map(v -> navigation(activePath, v)).orElse(Html.EMPTY);
        Html who = viewer.map(Layout::who).orElse(Html.of("""
                <div class="who"><a class="btn secondary" href="login">Sign in</a></div>"""));
        Html leadParagraph = lead.isEmpty() ? Html.EMPTY : Html.of("<p class=\"lead\">{}</p>", lead);
        return Html.of("""
                <!doctype html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <base href="{}">
                <title>{} · {}</title>
                <style>{}</style>
                </head>
                <body>
                <header><div class="bar"><a class="brand" href="./">{}<span>.</span></a>{}{}</div></header>
                <main>
                <h1>{}</h1>
                {}
                {}
                </main>
                <footer>A stytch-jakarta example: Stytch sessions, RBAC and tenancy in a Jakarta EE app.</footer>
                </body>
                </html>
                """, basePath, title, APP_NAME, new Html(STYLESHEET), APP_NAME, navigation, who, title, leadParagraph, content)
                .markup();
    }

    private static Html navigation(String activePath, Viewer viewer) {
        List<Link> links = new ArrayList<>(NAVIGATION);
        if (viewer.admin()) {
            links.add(ADMIN);
        }
        return Html.of("<nav>{}</nav>", Html.join(links.stream().map(link -> link.render(activePath)).toList()));
    }

    private static Html who(Viewer viewer) {
        Html roles = Html.join(viewer.roles().stream().map(role -> Html.of("<span class=\"pill\">{}</span>", role)).toList());
        return Html.of("""
                <div class="who"><span><strong>{}</strong> · {}</span><span>{}</span>
                <form class="inline" method="post" action="logout">\
                <button class="btn secondary" type="submit">Sign out</button></form></div>""",
                viewer.displayName(), viewer.workspace(), roles);
    }

    /** A navigation entry. */
    private record Link(String path, String label) {

        Html render(String activePath) {
            return Html.of("<a href=\"{}\"{}>{}</a>", path, new Html(path.equals(activePath) ? " class=\"active\"" : ""),
                    label);
        }
    }
}
