//! Every start pose frames what the learner first works on: the object of the perfect
//! playthrough's first action done at something is well inside the first view.

use bevy::prelude::*;
use praxis::action::ActionKind;
use praxis::runtime::interact::Rig;

/// Half the 3D view's field of view, vertical and horizontal: Bevy's default 45° vertically,
/// the view beside the panel 920 × 697 px in a 1280 × 720 window. A margin keeps what is framed
/// off the edges.
fn half_view() -> (f32, f32) {
    let v = 22.5f32.to_radians();
    let h = (v.tan() * 920.0 / 697.0).atan();
    (0.85 * v, 0.85 * h)
}

#[test]
fn every_start_pose_frames_the_first_thing_the_learner_works_on() {
    let (half_v, half_h) = half_view();
    let mut wrong = Vec::new();
    let mut checked = 0;
    let mut files: Vec<_> = std::fs::read_dir(crate::root().join("scenarios"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "ron"))
        .collect();
    files.sort();
    for path in files {
        let id = path.file_stem().unwrap().to_string_lossy().into_owned();
        let sc = praxis::runtime::catalog::load(&path, &crate::root().join("assets"))
            .unwrap_or_else(|p| panic!("{}", p.long));
        let log = format!("{id}/perfect.events");
        let text =
            std::fs::read_to_string(crate::root().join("tests/playthroughs").join(&log)).unwrap();
        let parsed =
            praxis::eventlog::parse(&log, &text).unwrap_or_else(|r| panic!("{}", r.render_short()));
        // What the learner first works at (what a tool is used on), as the playback frames it;
        // a first action on the learner's own body or in the air frames nothing.
        let first = parsed.actions.iter().find_map(|a| {
            let place = match &a.kind {
                ActionKind::UseOn { target, .. } => Some(target.as_str()),
                ActionKind::Touch { .. } | ActionKind::Compress { .. } => None,
                k => k.place(),
            }?;
            sc.model
                .room
                .objects
                .iter()
                .find(|o| o.id.as_str() == place)
        });
        let Some(object) = first else { continue };
        let rig = Rig::at_start(&sc, false);
        let p = object.pose.position;
        let to = Vec3::new(p.0 as f32, p.1 as f32, p.2 as f32)
            - (rig.position + Vec3::Y * rig.eye_now());
        let yaw = (-to.x).atan2(-to.z) - rig.yaw;
        let yaw =
            (yaw + std::f32::consts::PI).rem_euclid(std::f32::consts::TAU) - std::f32::consts::PI;
        let pitch = to.y.atan2(to.with_y(0.0).length()) - rig.pitch;
        checked += 1;
        if yaw.abs() > half_h || pitch.abs() > half_v {
            wrong.push(format!(
                "{id}: `{}` is {:.0}° across and {:.0}° up from the middle of the start view",
                object.id.as_str(),
                -yaw.to_degrees(),
                pitch.to_degrees()
            ));
        }
    }
    assert!(
        checked >= 8,
        "only {checked} scenarios start with an object"
    );
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
