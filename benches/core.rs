//! Benchmarks of the engine-free core (numbers are reported in the issue notes, never asserted):
//! load + validate a 200-step scenario, tracker throughput, re-scoring a 30-minute session.

use criterion::{BatchSize, Criterion, Throughput, criterion_group, criterion_main};
use praxis::action::{ActionKind, Hand, LearnerAction, SimTime};
use praxis::record::{self, Header};
use praxis::scenario::Scenario;
use praxis::tracker::{SessionConfig, Tracker};
use std::fmt::Write as _;
use std::hint::black_box;
use std::sync::Arc;

/// A scenario of `groups` groups of 5 steps (sequences and any-order groups, gestures, uses,
/// decisions and touches), with errors, a taint, quantities and criteria.
fn big_scenario(groups: usize) -> String {
    let mut objects = String::new();
    let mut procedure = String::new();
    let mut errors = String::new();
    for g in 0..groups {
        let _ = writeln!(
            objects,
            r##"(id: "tool-{g}", name: {{"en": "tool {g}", "fr": "outil {g}"}}, model: Cuboid(size: (0.1, 0.1, 0.1)), pose: (position: (0.0, 1.0, 0.0)), body: Grabbable(mass: 0.1), tags: ["tool"], affords: [Use(effects: [Add("work", "1 g")]), UseOn(target: "bench", effects: [Set("bench.used", true)])]),"##
        );
        let kind = if g % 2 == 0 { "Sequence" } else { "AnyOrder" };
        let _ = write!(
            procedure,
            r#"{kind}(id: "group-{g}", title: {{"en": "Group {g}", "fr": "Groupe {g}"}}, steps: ["#
        );
        for s in 0..5 {
            let id = format!("step-{g}-{s}");
            let done_when = match s {
                0 => format!(r#"Grab("tool-{g}")"#),
                1 => format!(r#"Use("tool-{g}")"#),
                2 => r#"Gesture("work-gesture")"#.to_string(),
                3 => format!(r#"UseOn(object: "tool-{g}", target: "bench")"#),
                _ => r##"Touch(a: "#hand", b: "bench")"##.to_string(),
            };
            let after = if g > 0 && s == 0 {
                format!(r#", after: ["group-{}"]"#, g - 1)
            } else {
                String::new()
            };
            let criteria = if s == 2 {
                r#", criteria: [(id: "long-enough", text: {"en": "2 s at least", "fr": "2 s au moins"}, check: Value(Duration, ">= 2 s"))]"#
            } else {
                ""
            };
            let _ = write!(
                procedure,
                r#"Step(id: "{id}", title: {{"en": "Step {g}.{s}", "fr": "Étape {g}.{s}"}}, done_when: {done_when}, critical: {}{after}{criteria}),"#,
                s == 1
            );
        }
        procedure.push_str("]),\n");
        let _ = writeln!(
            errors,
            r#"(id: "misuse-{g}", on: Use("tool-{g}"), when: Not(Done("step-{g}-0")), severity: Major, feedback: {{"en": "Grab it first", "fr": "Prenez-le d'abord"}}),"#
        );
    }
    format!(
        r##"Scenario(
    format: 1, id: "big", version: "1.0.0", family: Bioproduction,
    title: {{"en": "Big", "fr": "Grand"}}, summary: {{"en": "Many steps", "fr": "Beaucoup d'étapes"}},
    estimated_duration: "60 min",
    sources: [(title: "Benchmark", publisher: "Praxis", edition: "1", section: "-", url: "-")],
    domain_ref: "buffer-preparation.md",
    room: (size: (6.0, 3.0, 6.0), objects: [
        (id: "bench", name: {{"en": "bench", "fr": "paillasse"}}, model: Cuboid(size: (2.0, 0.9, 0.7)), pose: (position: (0.0, 0.0, -1.0))),
        {objects}
    ]),
    state: (
        facts: [(id: "bench.used")],
        taints: [(id: "soiled", label: {{"en": "soiled", "fr": "souillé"}}, initially: ["bench"])],
        quantities: [(id: "work", unit: "g"), (id: "work-kg", unit: "kg", formula: "work / 1000")],
    ),
    gestures: [(id: "work-gesture", name: {{"en": "Work", "fr": "Travailler"}}, effects: [Flow("work", "1 g/s")])],
    metrics: [(id: "work-time", label: {{"en": "Work time", "fr": "Durée"}}, kind: GestureTime(["work-gesture"]))],
    procedure: [{procedure}],
    errors: [{errors}],
    scoring: (pass_mark: 0.8, criteria: [(id: "enough-work", text: {{"en": "Work done", "fr": "Travail fait"}}, check: Value(Quantity("work"), ">= 10 g"))]),
)"##
    )
}

/// Every step of the big scenario done in order, with a touch or read between actions.
fn big_session(groups: usize) -> Vec<LearnerAction> {
    let mut t = 0u64;
    let mut out = Vec::new();
    let mut push = |kind: ActionKind| {
        t += 700;
        out.push(LearnerAction {
            at: SimTime(t),
            kind,
        });
    };
    for g in 0..groups {
        let tool = format!("tool-{g}");
        push(ActionKind::Grab {
            hand: Hand::Right,
            object: tool.as_str().into(),
        });
        push(ActionKind::Use {
            object: tool.as_str().into(),
            hand: Some(Hand::Right),
        });
        push(ActionKind::Touch {
            a: tool.as_str().into(),
            b: "bench".into(),
        });
        push(ActionKind::Gesture {
            gesture: "work-gesture".into(),
            duration_ms: 2500,
            object: None,
        });
        push(ActionKind::UseOn {
            object: tool.as_str().into(),
            target: "bench".into(),
            hand: Some(Hand::Right),
        });
        push(ActionKind::Touch {
            a: "left-hand".into(),
            b: "bench".into(),
        });
        push(ActionKind::Release {
            hand: Hand::Right,
            object: tool.as_str().into(),
            on: Some("bench".into()),
            position: None,
        });
    }
    push(ActionKind::Finish);
    out
}

/// A 30-minute CPR session: rounds of 30 compressions at 110 /min and 2 breaths, then an AED.
fn cpr_scenario() -> String {
    r##"Scenario(
    format: 1, id: "cpr-bench", version: "1.0.0", family: Clinical,
    title: {"en": "CPR", "fr": "RCP"}, summary: {"en": "Compressions", "fr": "Compressions"},
    estimated_duration: "30 min",
    sources: [(title: "Benchmark", publisher: "Praxis", edition: "1", section: "-", url: "-")],
    domain_ref: "basic-life-support.md",
    room: (size: (6.0, 3.0, 6.0), objects: [
        (id: "manikin", name: {"en": "manikin", "fr": "mannequin"}, model: Capsule(radius: 0.2, height: 1.2), pose: (position: (0.0, 0.2, 0.0)), affords: [Compress]),
    ]),
    gestures: [(id: "rescue-breath", name: {"en": "Rescue breath", "fr": "Insufflation"})],
    metrics: [
        (id: "rate", label: {"en": "Rate", "fr": "Fréquence"}, kind: CompressionRate),
        (id: "at-rate", label: {"en": "At rate", "fr": "Bonne fréquence"}, kind: CompressionsAtRate("100..120 /min")),
        (id: "depth", label: {"en": "Depth", "fr": "Profondeur"}, kind: CompressionDepth),
        (id: "hands-off", label: {"en": "Hands-off", "fr": "Sans compressions"}, kind: HandsOffTime),
        (id: "ccf", label: {"en": "Fraction", "fr": "Fraction"}, kind: CompressionFraction),
    ],
    procedure: [
        Repeat(id: "cycles", title: {"en": "30:2", "fr": "30:2"}, times: 55, steps: [
            Step(id: "compressions", title: {"en": "30 compressions", "fr": "30 compressions"}, done_when: Compress, repeat: 30),
            Step(id: "breaths", title: {"en": "2 breaths", "fr": "2 insufflations"}, done_when: Gesture("rescue-breath"), repeat: 2),
        ]),
    ],
    errors: [(id: "long-pause", on: State(Metric("hands-off", ">= 300 s")), severity: Major, feedback: {"en": "Too long", "fr": "Trop long"})],
    scoring: (pass_mark: 0.8, criteria: [(id: "rate-ok", text: {"en": "Rate", "fr": "Fréquence"}, check: Value(Metric("rate"), "100..120 /min"))]),
)"##
    .to_string()
}

fn cpr_session() -> Vec<LearnerAction> {
    let mut out = Vec::new();
    let mut t = 0u64;
    while t < 30 * 60 * 1000 {
        for _ in 0..30 {
            out.push(LearnerAction {
                at: SimTime(t),
                kind: ActionKind::Compress {
                    object: Some("manikin".into()),
                    depth_mm: Some(52.0),
                    full_recoil: Some(true),
                    hands: Some(praxis::action::HandPosition::Centre),
                },
            });
            t += 545;
        }
        for _ in 0..2 {
            t += 1500;
            out.push(LearnerAction {
                at: SimTime(t),
                kind: ActionKind::Gesture {
                    gesture: "rescue-breath".into(),
                    duration_ms: 1000,
                    object: None,
                },
            });
        }
        t += 1000;
    }
    out.push(LearnerAction {
        at: SimTime(t),
        kind: ActionKind::Finish,
    });
    out
}

/// Load and validate each scenario of `scenarios/`; print its size and how long its perfect
/// playthrough lasts (paced as a person does it).
fn shipped_scenarios(c: &mut Criterion) {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files: Vec<_> = std::fs::read_dir(root.join("scenarios"))
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "ron"))
        .collect();
    files.sort();
    let mut group = c.benchmark_group("load and validate");
    for path in files {
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let text = std::fs::read_to_string(&path).unwrap();
        let sc = Scenario::from_ron_str(&name, &text).unwrap();
        let perfect = root
            .join("tests/playthroughs")
            .join(sc.id())
            .join("perfect.events");
        let log = std::fs::read_to_string(&perfect).unwrap();
        let log = praxis::eventlog::parse("perfect.events", &log).unwrap();
        let end = log.actions.last().map_or(0, |a| a.at.0);
        eprintln!(
            "{}: {} steps ({} scored), {} objects, perfect playthrough {}:{:02}",
            sc.id(),
            sc.index.steps.len(),
            sc.index.steps.iter().filter(|s| s.points > 0.0).count(),
            sc.model.room.objects.len(),
            end / 60_000,
            end / 1000 % 60
        );
        group.bench_function(&name, |b| {
            b.iter(|| Scenario::from_ron_str(&name, black_box(&text)).unwrap());
        });
    }
    group.finish();
}

fn benches(c: &mut Criterion) {
    shipped_scenarios(c);
    let big = big_scenario(40); // 40 groups × 5 = 200 steps
    let scenario =
        Arc::new(Scenario::from_ron_str("big.ron", &big).expect("the generated scenario is valid"));
    assert_eq!(scenario.index.steps.len(), 200);
    c.bench_function("load and validate a 200-step scenario", |b| {
        b.iter(|| Scenario::from_ron_str("big.ron", black_box(&big)).unwrap());
    });

    let session = big_session(40);
    let mut group = c.benchmark_group("tracker");
    group.throughput(Throughput::Elements(session.len() as u64));
    group.bench_function("apply the 200-step session's actions", |b| {
        b.iter_batched(
            || {
                (
                    Tracker::new(scenario.clone(), SessionConfig::default()),
                    Vec::with_capacity(4096),
                )
            },
            |(mut t, mut out)| {
                for a in &session {
                    out.clear();
                    t.apply(a, &mut out);
                }
                black_box(t)
            },
            BatchSize::SmallInput,
        );
    });
    let cpr = Arc::new(Scenario::from_ron_str("cpr.ron", &cpr_scenario()).unwrap());
    let cpr_actions = cpr_session();
    group.throughput(Throughput::Elements(cpr_actions.len() as u64));
    group.bench_function("apply a 30-minute CPR session's actions", |b| {
        b.iter_batched(
            || {
                (
                    Tracker::new(cpr.clone(), SessionConfig::default()),
                    Vec::with_capacity(8192),
                )
            },
            |(mut t, mut out)| {
                for a in &cpr_actions {
                    out.clear();
                    t.apply(a, &mut out);
                }
                black_box(t)
            },
            BatchSize::SmallInput,
        );
    });
    group.finish();
    let mut finished = Tracker::new(scenario.clone(), SessionConfig::default());
    for a in &session {
        finished.apply(a, &mut Vec::new());
    }
    c.bench_function("score the finished 200-step session (the debrief)", |b| {
        b.iter(|| black_box(finished.outcome()));
    });

    let header = Header::new(
        &cpr,
        &SessionConfig::default(),
        uuid::Uuid::nil(),
        "2026-11-22T09:30:00Z",
        "station",
        "learner",
    );
    let (outcome, bytes) = record::record_session(
        cpr.clone(),
        &header,
        &cpr_actions,
        Vec::new(),
        &mut Vec::new(),
    )
    .unwrap();
    assert!(outcome.passed, "the benchmark session is a passing one");
    let rec = record::read(&bytes).unwrap();
    assert!(record::replay(&rec, cpr.clone()).matches(&rec));
    eprintln!(
        "30-minute CPR session: {} actions, record {} bytes",
        cpr_actions.len(),
        bytes.len()
    );
    let mut group = c.benchmark_group("re-score a 30-minute session");
    group.bench_function("replay the events", |b| {
        b.iter(|| black_box(record::replay(&rec, cpr.clone())));
    });
    group.bench_function("read the record, check its chain and replay", |b| {
        b.iter(|| {
            let rec = record::read(black_box(&bytes)).unwrap();
            black_box(record::replay(&rec, cpr.clone()).matches(&rec))
        });
    });
    group.finish();
}

/// `praxis audit` on each scenario from its perfect run (target: under 1 s each).
fn audits(c: &mut Criterion) {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut group = c.benchmark_group("audit a scenario from its perfect run");
    group.sample_size(10);
    let mut ids: Vec<String> = std::fs::read_dir(root.join("scenarios"))
        .unwrap()
        .map(|e| {
            e.unwrap()
                .path()
                .file_stem()
                .unwrap()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    ids.sort();
    for id in ids {
        let text = std::fs::read_to_string(root.join(format!("scenarios/{id}.ron"))).unwrap();
        let scenario = Arc::new(Scenario::from_ron_str(&format!("{id}.ron"), &text).unwrap());
        let log_text =
            std::fs::read_to_string(root.join(format!("tests/playthroughs/{id}/perfect.events")))
                .unwrap();
        let log = praxis::eventlog::parse("perfect.events", &log_text).unwrap();
        group.bench_function(id.as_str(), |b| {
            b.iter(|| black_box(praxis::audit::audit(&scenario, &log)));
        });
    }
    group.finish();
}

criterion_group!(core, benches, audits);
criterion_main!(core);
