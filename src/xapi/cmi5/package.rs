//! A cmi5 course package (§13, §14): `cmi5.xml` with one AU per scenario, and `launch.html`,
//! the page the LMS opens (§8.1), which hands its own address — the launch URL with the cmi5
//! parameters — to the installed Praxis through a `praxis://cmi5?url=…` link, with the
//! command to paste as a fallback. The page itself never calls the fetch URL (it is one-time,
//! §8.2.1: Praxis calls it).

use crate::scenario::Scenario;
use crate::scenario::model::Text;
use std::fmt::Write as _;

/// The course structure's XML namespace (§14).
pub const NAMESPACE: &str = "https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd";

/// What goes into a package.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct Course {
    /// The course id (an IRI).
    pub id: String,
    /// Its title, by language.
    pub title: Text,
    /// Its description, by language.
    pub description: Text,
    /// Start of AU ids.
    pub activity_base: String,
    /// `guided` or `assessment`, passed as launch parameters.
    pub mode: String,
}

impl Course {
    /// A course of these scenarios, one AU each: `id` (an IRI; default from the activity base
    /// and the scenario ids), `title` (default: the scenarios' titles), `mode` (`guided` or
    /// `assessment`, given to each AU as launch parameters).
    pub fn new(
        scenarios: &[&Scenario],
        activity_base: &str,
        id: Option<&str>,
        title: Option<&str>,
        mode: &str,
    ) -> Result<Course, String> {
        if crate::tracker::Mode::parse(mode).is_none() {
            return Err(format!(
                "the mode must be `guided` or `assessment`, not `{mode}`"
            ));
        }
        let ids: Vec<&str> = scenarios.iter().map(|s| s.id()).collect();
        let id = id.map_or_else(
            || format!("{activity_base}/cmi5/courses/{}", ids.join("+")),
            str::to_string,
        );
        if url::Url::parse(&id).is_err() {
            return Err(format!("the course id `{id}` is not an IRI"));
        }
        let joined = |lang: &str| {
            let sep = if lang == "fr" { " ; " } else { "; " };
            scenarios
                .iter()
                .map(|s| s.model.title.get(lang).to_string())
                .collect::<Vec<_>>()
                .join(sep)
        };
        let title = match title {
            Some(t) => Text::new([("en", t), ("fr", t)]),
            None => Text::new([("en", joined("en").as_str()), ("fr", joined("fr").as_str())]),
        };
        let description = Text::new([
            (
                "en",
                "Procedure training in Praxis: each activity opens the Praxis application installed on the learner's computer, which reports the result to this platform.",
            ),
            (
                "fr",
                "Formation aux procédures dans Praxis : chaque activité ouvre l'application Praxis installée sur l'ordinateur de l'apprenant, qui transmet le résultat à cette plateforme.",
            ),
        ]);
        Ok(Course {
            id,
            title,
            description,
            activity_base: activity_base.to_string(),
            mode: mode.to_string(),
        })
    }
}

/// Writes the package: a `.zip` with `cmi5.xml` at its root (§14.1) and the launch page, or
/// the two files in a folder. Nothing already there is replaced unless `force` (never a
/// session record); a file is put in place only when complete.
pub fn write(
    out: &std::path::Path,
    course: &Course,
    scenarios: &[&Scenario],
    force: bool,
) -> Result<(), String> {
    use std::io::Write as _;
    let xml = course_structure(course, scenarios);
    let page = launch_page();
    let files = [
        ("cmi5.xml", xml.as_bytes()),
        ("launch.html", page.as_bytes()),
    ];
    if out.extension().is_some_and(|e| e == "zip") {
        let err = |e: &dyn std::fmt::Display| format!("cannot write {}: {e}", out.display());
        crate::files::check_output(out, force)?;
        let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        for (name, body) in files {
            zip.start_file(name, options).map_err(|e| err(&e))?;
            zip.write_all(body).map_err(|e| err(&e))?;
        }
        let bytes = zip.finish().map_err(|e| err(&e))?.into_inner();
        return crate::files::write_output(out, &bytes, force);
    }
    std::fs::create_dir_all(out).map_err(|e| format!("cannot write {}: {e}", out.display()))?;
    // Both names are checked before either is written.
    for (name, _) in files {
        crate::files::check_output(&out.join(name), force)?;
    }
    files
        .iter()
        .try_for_each(|(name, body)| crate::files::write_output(&out.join(name), body, force))
}

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

fn langstrings(out: &mut String, tag: &str, text: &Text, indent: &str) {
    let _ = writeln!(out, "{indent}<{tag}>");
    for (lang, s) in &text.0 {
        let _ = writeln!(
            out,
            "{indent}  <langstring lang=\"{}\">{}</langstring>",
            esc(lang),
            esc(s.trim())
        );
    }
    let _ = writeln!(out, "{indent}</{tag}>");
}

/// The AU id of a scenario (the publisher id, §13.1.4 `id`).
pub fn au_id(base: &str, scenario: &str) -> String {
    format!("{base}/cmi5/aus/{scenario}")
}

/// `cmi5.xml`: the course and one AU per scenario, with its masteryScore (the scenario's pass
/// mark), moveOn `CompletedAndPassed` (a finished session that passed), the launch page as
/// relative URL with the scenario in its query (merged with the cmi5 parameters at launch,
/// §13.1.4 `url`), and the mode as launch parameters.
pub fn course_structure(course: &Course, scenarios: &[&Scenario]) -> String {
    let mut x = String::new();
    let _ = writeln!(x, "<?xml version=\"1.0\" encoding=\"utf-8\"?>");
    let _ = writeln!(x, "<courseStructure xmlns=\"{NAMESPACE}\">");
    let _ = writeln!(x, "  <course id=\"{}\">", esc(&course.id));
    langstrings(&mut x, "title", &course.title, "    ");
    langstrings(&mut x, "description", &course.description, "    ");
    let _ = writeln!(x, "  </course>");
    for s in scenarios {
        let mastery = format!("{:.4}", s.index.pass_mark);
        let mastery = mastery.trim_end_matches('0').trim_end_matches('.');
        let _ = writeln!(
            x,
            "  <au id=\"{}\" moveOn=\"CompletedAndPassed\" masteryScore=\"{mastery}\" launchMethod=\"OwnWindow\" activityType=\"http://adlnet.gov/expapi/activities/simulation\">",
            esc(&au_id(&course.activity_base, s.id()))
        );
        langstrings(&mut x, "title", &s.model.title, "    ");
        langstrings(&mut x, "description", &s.model.summary, "    ");
        let _ = writeln!(
            x,
            "    <url>launch.html?scenario={}</url>",
            esc(&url::form_urlencoded::byte_serialize(s.id().as_bytes()).collect::<String>())
        );
        let _ = writeln!(
            x,
            "    <launchParameters>mode={}</launchParameters>",
            esc(&course.mode)
        );
        let _ = writeln!(x, "  </au>");
    }
    let _ = writeln!(x, "</courseStructure>");
    x
}

/// The launch page.
pub fn launch_page() -> &'static str {
    LAUNCH_PAGE
}

const LAUNCH_PAGE: &str = r##"<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Praxis</title>
<style>
body{font-family:system-ui,sans-serif;max-width:44em;margin:3em auto;padding:0 1em;line-height:1.5;color:#1a1a1a}
a.open{display:inline-block;background:#0072b2;color:#fff;padding:.7em 1.4em;border-radius:.3em;text-decoration:none;font-size:1.2em}
textarea{width:100%;height:6em;font-family:monospace;font-size:.9em}
.note{color:#555}
</style>
</head>
<body>
<h1 id="title">Opening Praxis…</h1>
<p id="lead">This training runs in the Praxis application installed on this computer.</p>
<p><a class="open" id="open" href="#">Open in Praxis</a></p>
<p class="note" id="fallback">If nothing opens, Praxis may not be installed here. On a computer where it is, paste this command in a terminal:</p>
<textarea id="command" readonly></textarea>
<p><button id="copy" type="button">Copy</button> <span id="copied" class="note"></span></p>
<p class="note" id="once">The link works once: to start again, launch the activity again from your learning platform.</p>
<script>
(function () {
  var href = window.location.href;
  var link = "praxis://cmi5?url=" + encodeURIComponent(href);
  var fr = (navigator.language || "").toLowerCase().indexOf("fr") === 0;
  if (fr) {
    document.documentElement.lang = "fr";
    document.getElementById("title").textContent = "Ouverture de Praxis…";
    document.getElementById("lead").textContent = "Cette formation se déroule dans l'application Praxis installée sur cet ordinateur.";
    document.getElementById("open").textContent = "Ouvrir dans Praxis";
    document.getElementById("fallback").textContent = "Si rien ne s'ouvre, Praxis n'est peut-être pas installé ici. Sur un ordinateur où il l'est, collez cette commande dans un terminal :";
    document.getElementById("copy").textContent = "Copier";
    document.getElementById("once").textContent = "Le lien ne sert qu'une fois : pour recommencer, relancez l'activité depuis votre plateforme de formation.";
  }
  document.getElementById("open").href = link;
  document.getElementById("command").value = "praxis run --cmi5 '" + href.replace(/'/g, "%27") + "'";
  document.getElementById("copy").onclick = function () {
    var t = document.getElementById("command");
    t.select();
    var done = function () { document.getElementById("copied").textContent = fr ? "Copié." : "Copied."; };
    if (navigator.clipboard) { navigator.clipboard.writeText(t.value).then(done, function () { document.execCommand("copy"); done(); }); }
    else { document.execCommand("copy"); done(); }
  };
  window.location.href = link;
})();
</script>
</body>
</html>
"##;
