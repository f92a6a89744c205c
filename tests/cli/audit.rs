//! `praxis audit` and the critical map against a domain reference, on the real binary.

use super::{praxis, root, temp_dir, text};
use std::path::Path;

/// Where the domain references are for this checkout (`../shared/domain`), when they are here.
fn domain() -> Option<std::path::PathBuf> {
    std::env::var_os("PRAXIS_DOMAIN")
        .filter(|v| !v.is_empty())
        .map(Into::into)
        .or_else(|| {
            let d = root().join("../shared/domain");
            d.is_dir().then_some(d)
        })
}

/// Every scenario passes its audit: each carried critical item left out fails the session, and,
/// where the references are at hand, the map lists every item they mark CRITICAL.
#[test]
fn every_scenario_passes_its_audit() {
    let dom = domain();
    for e in std::fs::read_dir(root().join("scenarios")).unwrap() {
        let path = e.unwrap().path();
        let mut args = vec!["audit".to_string(), path.display().to_string(), "-q".into()];
        if let Some(d) = &dom {
            args.push("--domain".into());
            args.push(d.display().to_string());
        }
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let o = praxis(&args);
        let out = text(&o);
        assert_eq!(o.status.code(), Some(0), "{}:\n{out}", path.display());
        assert!(out.contains("perfect run: passes, 100.0 %"), "{out}");
        assert!(!out.contains("STILL PASSES"), "{out}");
        if dom.is_some() {
            assert!(out.contains("critical map: complete against"), "{out}");
        } else {
            eprintln!("note: no domain references here; the maps' completeness was not checked");
        }
    }
}

/// A copy of the medication scenario in which the bedside identification is no longer a
/// critical step, mapped by its decision alone: leaving it out still passes, and audit says so.
#[test]
fn audit_fails_when_a_critical_item_can_be_left_out() {
    let dir = temp_dir("audit-weak");
    std::fs::create_dir_all(dir.join("scenarios")).unwrap();
    std::fs::create_dir_all(dir.join("tests/playthroughs/medication-administration")).unwrap();
    let text_of = |p: &str| std::fs::read_to_string(root().join(p)).unwrap();
    let sc = text_of("scenarios/medication-administration.ron");
    let weak = sc
        .replacen(
            "                            // Domain reference §3 step 8 (CRITICAL): skipped, the session fails.\n                            critical: true,\n",
            "",
            1,
        )
        .replacen(
            "(reference: \"§3 step 8\", carried_by: [\"identify-patient\", \"read-wristband\", \"identify\", \"identity\", \"identity-match\", \"wrong-patient\", \"given-despite-mismatch\"])",
            "(reference: \"§3 step 8\", carried_by: [\"identify\"])",
            1,
        );
    assert_ne!(weak, sc, "the scenario changed: update this test");
    let path = dir.join("scenarios/medication-administration.ron");
    std::fs::write(&path, &weak).unwrap();
    std::fs::write(
        dir.join("tests/playthroughs/medication-administration/perfect.events"),
        text_of("tests/playthroughs/medication-administration/perfect.events"),
    )
    .unwrap();
    let o = praxis(&[
        "audit",
        path.to_str().unwrap(),
        "--domain",
        dir.to_str().unwrap(),
    ]);
    let out = text(&o);
    // No reference in that folder: it cannot run.
    assert_eq!(o.status.code(), Some(2), "{out}");
    assert!(out.contains("cannot read its domain reference"), "{out}");
    let o = praxis(&["audit", path.to_str().unwrap(), "-q"]);
    let out = text(&o);
    assert_eq!(o.status.code(), Some(1), "{out}");
    assert!(
        out.contains("§3 step 8") && out.contains("STILL PASSES"),
        "{out}"
    );
}

/// `validate --domain`: a map that leaves out an item the reference marks CRITICAL is refused,
/// with the item, its line and its words; a complete map passes; a missing reference cannot run.
#[test]
fn validate_checks_the_critical_map_against_the_reference() {
    let dir = temp_dir("domain");
    let minimal = std::fs::read_to_string(root().join("tests/fixtures/valid/minimal.ron")).unwrap();
    let with_map = |map: &str| {
        let s = minimal.replace(
            "domain_ref: \"hand-hygiene.md\"",
            "domain_ref: \"two-steps.md\"",
        );
        let end = s.rfind(')').unwrap();
        format!("{}    critical_map: [{map}],\n)\n", &s[..end])
    };
    let domain = root().join("tests/fixtures/domain");
    let write = |name: &str, text: &str| {
        let p = dir.join(name);
        std::fs::write(&p, text).unwrap();
        p
    };
    let partial = write(
        "minimal.ron",
        &with_map(r#"(reference: "§2 step 1", carried_by: ["apply-product"])"#),
    );
    let against = |dir: &Path| {
        praxis(&[
            "validate",
            partial.to_str().unwrap(),
            "--no-assets",
            "--domain",
            dir.to_str().unwrap(),
        ])
    };
    let o = against(&domain);
    let out = text(&o);
    assert_eq!(o.status.code(), Some(1), "{out}");
    assert!(
        out.contains("`§2 step 2` is CRITICAL in two-steps.md (line 13: “Rub palm to palm”)"),
        "{out}"
    );
    assert!(
        !out.contains("§2 step 3") && !out.contains("§2 step 4") && !out.contains("§1 step 1"),
        "{out}"
    );
    // Without the reference, the same file is valid: completeness needs the reference.
    let o = praxis(&["validate", partial.to_str().unwrap(), "--no-assets"]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    let complete = with_map(
        r#"(reference: "§2 step 1", carried_by: ["apply-product"]), (reference: "§2 step 2", exempt: "UNVERIFIED in the reference: a test.")"#,
    );
    std::fs::write(&partial, complete).unwrap();
    let o = against(&domain);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    let o = against(&dir.join("nowhere"));
    assert_eq!(o.status.code(), Some(2), "{}", text(&o));
}

/// A model the assets do not have is refused by `validate`, unless `--no-assets`.
#[test]
fn validate_refuses_a_missing_model_unless_told_not_to_check() {
    let dir = temp_dir("missing-model");
    let minimal = std::fs::read_to_string(root().join("tests/fixtures/valid/minimal.ron")).unwrap();
    let s = minimal.replacen(
        "model: Capsule(radius: 0.2, height: 1.2)",
        "model: Gltf(\"models/glucose-meter.glb\"), collider: ConvexHull",
        1,
    );
    assert_ne!(s, minimal, "the fixture changed: update this test");
    let p = dir.join("minimal.ron");
    std::fs::write(&p, s).unwrap();
    let o = praxis(&["validate", p.to_str().unwrap(), "--format", "short"]);
    let out = text(&o);
    assert_eq!(o.status.code(), Some(1), "{out}");
    assert!(
        out.contains("unknown_asset") && out.contains("models/glucose-meter.glb"),
        "{out}"
    );
    let o = praxis(&["validate", p.to_str().unwrap(), "--no-assets"]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
}
