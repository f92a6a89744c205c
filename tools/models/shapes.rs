//! Triangle meshes for the parts models are made of.

use std::f32::consts::TAU;

/// Positions, normals and triangle indices of one primitive.
#[derive(Default)]
pub struct Mesh {
    pub positions: Vec<[f32; 3]>,
    pub normals: Vec<[f32; 3]>,
    pub indices: Vec<u16>,
}

impl Mesh {
    /// The bounding box (the validator requires it on positions).
    pub fn bounds(&self) -> ([f32; 3], [f32; 3]) {
        let mut min = [f32::MAX; 3];
        let mut max = [f32::MIN; 3];
        for p in &self.positions {
            for i in 0..3 {
                min[i] = min[i].min(p[i]);
                max[i] = max[i].max(p[i]);
            }
        }
        (min, max)
    }

    fn quad(&mut self, corners: [[f32; 3]; 4], normal: [f32; 3]) {
        let base = self.positions.len() as u16;
        self.positions.extend(corners);
        self.normals.extend([normal; 4]);
        self.indices
            .extend([base, base + 1, base + 2, base, base + 2, base + 3]);
    }
}

/// A part of a model.
#[derive(Clone, Copy)]
pub enum Part {
    /// A box centred on `c` with sizes `s`.
    Box { c: [f32; 3], s: [f32; 3] },
    /// An upright cylinder standing on `c` (its base centre), radius `r`, height `h`.
    Cyl { c: [f32; 3], r: f32, h: f32 },
    /// An ellipsoid centred on `c` with radii `r` (a sphere when they are equal).
    Ball { c: [f32; 3], r: [f32; 3] },
}

impl Part {
    /// The same box with `c` read as the centre of its base rather than its centre.
    pub fn base(self) -> Part {
        match self {
            Part::Box { c, s } => Part::Box {
                c: [c[0], c[1] + s[1] / 2.0, c[2]],
                s,
            },
            other => other,
        }
    }

    /// Adds the part's triangles (counter-clockwise seen from outside) to `m`.
    pub fn append(&self, m: &mut Mesh) {
        match *self {
            Part::Box { c, s } => {
                let [hx, hy, hz] = [s[0] / 2.0, s[1] / 2.0, s[2] / 2.0];
                let p = |x: f32, y: f32, z: f32| [c[0] + x * hx, c[1] + y * hy, c[2] + z * hz];
                m.quad(
                    [
                        p(1., -1., -1.),
                        p(1., 1., -1.),
                        p(1., 1., 1.),
                        p(1., -1., 1.),
                    ],
                    [1., 0., 0.],
                );
                m.quad(
                    [
                        p(-1., -1., 1.),
                        p(-1., 1., 1.),
                        p(-1., 1., -1.),
                        p(-1., -1., -1.),
                    ],
                    [-1., 0., 0.],
                );
                m.quad(
                    [
                        p(-1., 1., -1.),
                        p(-1., 1., 1.),
                        p(1., 1., 1.),
                        p(1., 1., -1.),
                    ],
                    [0., 1., 0.],
                );
                m.quad(
                    [
                        p(-1., -1., 1.),
                        p(-1., -1., -1.),
                        p(1., -1., -1.),
                        p(1., -1., 1.),
                    ],
                    [0., -1., 0.],
                );
                m.quad(
                    [
                        p(-1., -1., 1.),
                        p(1., -1., 1.),
                        p(1., 1., 1.),
                        p(-1., 1., 1.),
                    ],
                    [0., 0., 1.],
                );
                m.quad(
                    [
                        p(1., -1., -1.),
                        p(-1., -1., -1.),
                        p(-1., 1., -1.),
                        p(1., 1., -1.),
                    ],
                    [0., 0., -1.],
                );
            }
            Part::Ball { c, r } => {
                const SEG: usize = 16;
                const RINGS: usize = 10;
                let base = m.positions.len() as u16;
                for i in 0..=RINGS {
                    let v = std::f32::consts::PI * i as f32 / RINGS as f32;
                    for j in 0..=SEG {
                        let u = TAU * j as f32 / SEG as f32;
                        let n = [v.sin() * u.cos(), v.cos(), v.sin() * u.sin()];
                        m.positions.push([
                            c[0] + r[0] * n[0],
                            c[1] + r[1] * n[1],
                            c[2] + r[2] * n[2],
                        ]);
                        // The normal of an ellipsoid: the gradient of its equation.
                        let g = [n[0] / r[0], n[1] / r[1], n[2] / r[2]];
                        let len = (g[0] * g[0] + g[1] * g[1] + g[2] * g[2]).sqrt();
                        m.normals.push([g[0] / len, g[1] / len, g[2] / len]);
                    }
                }
                let row = (SEG + 1) as u16;
                for i in 0..RINGS as u16 {
                    for j in 0..SEG as u16 {
                        let a = base + i * row + j;
                        let b = a + row;
                        m.indices.extend([a, a + 1, b, a + 1, b + 1, b]);
                    }
                }
            }
            Part::Cyl { c, r, h } => {
                const N: usize = 20;
                let at = |i: usize| {
                    let a = TAU * i as f32 / N as f32;
                    (a.cos(), a.sin())
                };
                for i in 0..N {
                    let (c0, s0) = at(i);
                    let (c1, s1) = at(i + 1);
                    // Side: smooth normals at each edge.
                    let base = m.positions.len() as u16;
                    m.positions.extend([
                        [c[0] + r * c0, c[1], c[2] + r * s0],
                        [c[0] + r * c1, c[1], c[2] + r * s1],
                        [c[0] + r * c1, c[1] + h, c[2] + r * s1],
                        [c[0] + r * c0, c[1] + h, c[2] + r * s0],
                    ]);
                    m.normals
                        .extend([[c0, 0., s0], [c1, 0., s1], [c1, 0., s1], [c0, 0., s0]]);
                    m.indices
                        .extend([base, base + 2, base + 1, base, base + 3, base + 2]);
                    // Caps: a fan triangle each.
                    let base = m.positions.len() as u16;
                    m.positions.extend([
                        [c[0], c[1] + h, c[2]],
                        [c[0] + r * c0, c[1] + h, c[2] + r * s0],
                        [c[0] + r * c1, c[1] + h, c[2] + r * s1],
                        [c[0], c[1], c[2]],
                        [c[0] + r * c0, c[1], c[2] + r * s0],
                        [c[0] + r * c1, c[1], c[2] + r * s1],
                    ]);
                    m.normals.extend([[0., 1., 0.]; 3]);
                    m.normals.extend([[0., -1., 0.]; 3]);
                    m.indices
                        .extend([base, base + 2, base + 1, base + 3, base + 4, base + 5]);
                }
            }
        }
    }
}

// Shorthands for model descriptions: a part with its material.

/// A box centred on `c`.
pub fn b(c: [f32; 3], s: [f32; 3], m: super::Mat) -> (Part, super::Mat) {
    (Part::Box { c, s }, m)
}

/// A box standing on `c` (the centre of its base).
pub fn bb(c: [f32; 3], s: [f32; 3], m: super::Mat) -> (Part, super::Mat) {
    (Part::Box { c, s }.base(), m)
}

/// An upright cylinder standing on `c`.
pub fn cyl(c: [f32; 3], r: f32, h: f32, m: super::Mat) -> (Part, super::Mat) {
    (Part::Cyl { c, r, h }, m)
}

/// An ellipsoid centred on `c`.
pub fn ball(c: [f32; 3], r: [f32; 3], m: super::Mat) -> (Part, super::Mat) {
    (Part::Ball { c, r }, m)
}
