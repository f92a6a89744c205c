//! Objects: models and assets, colliders, poses, affordances, displays and `appears_when`;
//! the gloves the hands show.

use super::*;

impl<'a> Compiler<'a> {
    pub(super) fn compile_objects(&mut self, m: &ScenarioFile, root: &Path) {
        let (w, h, d) = m.room.size;
        let rp = root.field("room").field("size");
        for (v, what) in [
            (w, "the room width"),
            (h, "the room height"),
            (d, "the room depth"),
        ] {
            self.positive(v, &rp, what);
        }
        if let Some(start) = &m.room.start {
            let (x, y, z) = start.position;
            if ![x, y, z].iter().all(|v| v.is_finite())
                || x.abs() > w / 2.0
                || z.abs() > d / 2.0
                || !(0.0..=h).contains(&y)
            {
                let message =
                    format!("the learner's start position is outside the room ({w} × {h} × {d} m)");
                let p = root.field("room").field("start").field("position");
                self.fail(&checks::START_OUTSIDE_ROOM, &p, message);
            }
        }
        for (i, o) in m.room.objects.iter().enumerate() {
            let p = root.field("room").field("objects").index(i);
            let Some(e) = self.lookup(Sym::Entity, o.id.as_str()) else {
                continue;
            };
            if self.ix.entities[e as usize].object != Some(i) {
                continue; // a duplicate id, already reported
            }
            let what = format!("object `{}`", o.id);
            self.text_field(&o.name, &p, "name", "object", &o.id);
            let is_gltf = match &o.model {
                Model::Gltf(path) => {
                    self.asset(path, &p.field("model").index(0), &what);
                    true
                }
                Model::Cuboid { size } => {
                    let sp = p.field("model").field("size");
                    for v in [size.0, size.1, size.2] {
                        self.positive(v, &sp, "a box size");
                    }
                    false
                }
                Model::Sphere { radius } => {
                    self.positive(*radius, &p.field("model").field("radius"), "a radius");
                    false
                }
                Model::Cylinder { radius, height } | Model::Capsule { radius, height } => {
                    self.positive(*radius, &p.field("model").field("radius"), "a radius");
                    self.positive(*height, &p.field("model").field("height"), "a height");
                    false
                }
            };
            match &o.collider {
                None if is_gltf => {
                    let message = format!("{what} has a glTF model but no collider");
                    self.fail(&checks::COLLIDER_REQUIRED, &p.field("model"), message);
                }
                Some(Collider::ConvexHull) if !is_gltf => {
                    let message = format!("{what} asks for a convex hull of a primitive shape");
                    self.fail(&checks::HULL_OF_PRIMITIVE, &p.field("collider"), message);
                }
                Some(Collider::Cuboid { size }) => {
                    for v in [size.0, size.1, size.2] {
                        self.positive(v, &p.field("collider").field("size"), "a collider size");
                    }
                }
                Some(Collider::Sphere { radius }) => self.positive(
                    *radius,
                    &p.field("collider").field("radius"),
                    "a collider radius",
                ),
                Some(
                    Collider::Cylinder { radius, height } | Collider::Capsule { radius, height },
                ) => {
                    self.positive(
                        *radius,
                        &p.field("collider").field("radius"),
                        "a collider radius",
                    );
                    self.positive(
                        *height,
                        &p.field("collider").field("height"),
                        "a collider height",
                    );
                }
                _ => {}
            }
            let pp = p.field("pose");
            let (x, y, z) = o.pose.position;
            let (rx, ry, rz) = o.pose.rotation;
            let all_finite = [x, y, z, rx, ry, rz].iter().all(|v| v.is_finite());
            if !all_finite {
                let message = format!("the pose of {what} has a number that is not finite");
                self.fail(&checks::POSE_NOT_FINITE, &pp, message);
            } else if x.abs() > w / 2.0 + 1e-9
                || z.abs() > d / 2.0 + 1e-9
                || y < -1e-9
                || y > h + 1e-9
            {
                let message = format!("{what} stands outside the room ({w} × {h} × {d} m)");
                self.fail(&checks::OUTSIDE_ROOM, &pp.field("position"), message)
                    .help = Some(format!(
                    "x must be within ±{}, z within ±{} and y between 0 and {}",
                    w / 2.0,
                    d / 2.0,
                    h
                ));
            }
            if let Body::Grabbable { mass } = o.body {
                self.positive(mass, &p.field("body").field("mass"), "a mass");
            }
            if let Some(color) = &o.color {
                self.color(color, &p.field("color"), &what);
            }
            for (t_i, t) in o.tags.iter().enumerate() {
                self.check_id(t, &p.field("tags").index(t_i), "tag", false);
            }
            let usage = format!("used by {what}");
            let mut affordances = Vec::new();
            for (a_i, a) in o.affords.iter().enumerate() {
                let ap = p.field("affords").index(a_i);
                let c = match a {
                    Affordance::Use { label, effects } => {
                        self.opt_text(
                            label,
                            &ap.field("label"),
                            &format!("the label of an action of {what}"),
                        );
                        CAffordance::Use(self.effects(effects, &ap.field("effects"), &usage))
                    }
                    Affordance::UseOn {
                        target,
                        label,
                        effects,
                        ..
                    } => {
                        self.opt_text(
                            label,
                            &ap.field("label"),
                            &format!("the label of an action of {what}"),
                        );
                        let targets = self
                            .entity_set(target.as_str(), &ap.field("target"), &usage)
                            .unwrap_or_default();
                        CAffordance::UseOn(
                            targets,
                            self.effects(effects, &ap.field("effects"), &usage),
                        )
                    }
                    Affordance::Enter(f) => CAffordance::Enter(self.index_of(
                        Sym::Field,
                        f.as_str(),
                        &ap.index(0),
                        &usage,
                    )),
                    Affordance::Choose(dc) => CAffordance::Choose(self.index_of(
                        Sym::Decision,
                        dc.as_str(),
                        &ap.index(0),
                        &usage,
                    )),
                    Affordance::Compress => CAffordance::Compress,
                    Affordance::Read => CAffordance::Read,
                };
                affordances.push(c);
            }
            let display = o.display.as_ref().and_then(|dsp| {
                let dp = p.field("display");
                let q = self.resolve(
                    Sym::Quantity,
                    dsp.shows.as_str(),
                    &dp.field("shows"),
                    &usage,
                );
                self.positive(
                    dsp.resolution,
                    &dp.field("resolution"),
                    "a display resolution",
                );
                self.non_negative(dsp.noise, &dp.field("noise"), "the display noise");
                q.map(|quantity| CDisplay {
                    quantity,
                    resolution: dsp.resolution,
                    noise: dsp.noise,
                })
            });
            let appears_when = self.opt_cond(&o.appears_when, &p.field("appears_when"), &usage);
            // What a `Replace` resets: the object's own facts, its taints included.
            let prefix = format!("{}.", o.id);
            let own_facts = (0..self.ix.facts.len() as FactIdx)
                .filter(|&f| self.ix.facts[f as usize].id.starts_with(&prefix))
                .collect();
            let ent = &mut self.ix.entities[e as usize];
            ent.affordances = affordances;
            ent.display = display;
            ent.appears_when = appears_when;
            ent.own_facts = own_facts;
        }
    }

    /// A colour must be `#rrggbb`.
    fn color(&mut self, color: &str, p: &Path, what: &str) {
        let ok = color.len() == 7
            && color.starts_with('#')
            && color[1..].bytes().all(|b| b.is_ascii_hexdigit());
        if !ok {
            let message = format!("colour `{color}` of {what} is not `#rrggbb`");
            self.fail(&checks::BAD_COLOR, p, message);
        }
    }

    /// The gloves the hands may show: a colour, a condition, a hand.
    pub(super) fn compile_gloves(&mut self, m: &ScenarioFile, root: &Path) {
        for (i, g) in m.room.gloves.iter().enumerate() {
            let p = root.field("room").field("gloves").index(i);
            self.color(&g.color, &p.field("color"), "the gloves");
            let hands = match g.hand.as_ref().map(|h| h.as_str()) {
                None => [true, true],
                Some("left-hand") => [true, false],
                Some("right-hand") => [false, true],
                Some(other) => {
                    let message =
                        format!("gloves go on `left-hand` or `right-hand`, not `{other}`");
                    self.fail(&checks::UNKNOWN_OBJECT, &p.field("hand"), message);
                    [false, false]
                }
            };
            let when = self.opt_cond(&g.when, &p.field("when"), "used by the gloves");
            self.ix.gloves.push(CGloves {
                color: g.color.clone(),
                when,
                hands,
            });
        }
    }

    pub(super) fn asset(&mut self, path: &str, p: &Path, what: &str) {
        let form_ok = !path.is_empty()
            && !path.starts_with('/')
            && !path.contains('\\')
            && !path.split('/').any(|s| s == ".." || s.is_empty())
            && (path.ends_with(".glb") || path.ends_with(".gltf"));
        if !form_ok {
            let message =
                format!("model path `{path}` of {what} is not a glTF file under `assets/`");
            self.fail(&checks::BAD_MODEL_PATH, p, message);
            return;
        }
        if let Some(exists) = self.asset_exists
            && !exists(path)
        {
            let message = format!("model `{path}` of {what} is not in `assets/`");
            self.fail(&checks::MISSING_MODEL, p, message);
        }
    }
}
