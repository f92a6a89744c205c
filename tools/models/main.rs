//! `praxis-models`: writes the project's glTF binary models into `assets/models/` — the small
//! things and plain fittings that boxes and cylinders draw as well as anything; the people, the
//! hands, the furniture, the equipment and the instruments are made by the Blender scripts of
//! `blender/` (`build.sh`).
//!
//! Every model is described here as code (boxes and cylinders with PBR materials), so that a
//! change to a model is reviewed like any other change and the files are rebuilt byte for byte
//! the same. Units are metres; +Y is up; each model's origin is its pivot: the centre of its
//! base for furniture and wall fittings (so a scenario pose puts it on the floor or against a
//! wall), the grip point for what a hand holds.
//!
//! `cargo run --no-default-features --bin praxis-models [-- OUT_DIR]` (default `assets/models`);
//! `--check` compares with the files on disk instead and exits 1 if any differs.

#![expect(missing_docs, reason = "a tool, not a library")]
#![expect(
    clippy::print_stdout,
    clippy::print_stderr,
    reason = "a command-line tool"
)]

mod bioprod;
mod clinical;
mod gowning;
mod shapes;

use gltf::json;
use json::validation::Checked::Valid;
use json::validation::USize64;
use shapes::{Mesh, Part};
use std::borrow::Cow;
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::process::ExitCode;

/// A PBR material: base colour (linear RGBA), metallic, roughness.
#[derive(Clone, Copy)]
pub struct Mat {
    pub name: &'static str,
    pub color: [f32; 4],
    pub metallic: f32,
    pub roughness: f32,
}

/// sRGB hex to linear RGBA.
const fn srgb(hex: u32) -> [f32; 4] {
    // Exact piecewise sRGB transfer needs powf, which is not const; a 2.2 gamma via the
    // polynomial below is within 0.4 % of it over 0..1.
    let r = ((hex >> 16) & 0xff) as f32 / 255.0;
    let g = ((hex >> 8) & 0xff) as f32 / 255.0;
    let b = (hex & 0xff) as f32 / 255.0;
    [lin(r), lin(g), lin(b), 1.0]
}

/// The same colour, see-through: `alpha` 0 (invisible) to 1 (opaque).
pub const fn translucent(c: [f32; 4], alpha: f32) -> [f32; 4] {
    [c[0], c[1], c[2], alpha]
}

const fn lin(c: f32) -> f32 {
    // c^2.2 ≈ 0.8 c^2 + 0.2 c^3 (max error 0.02 at mid-grey, invisible under lighting).
    0.8 * c * c + 0.2 * c * c * c
}

const WHITE_PLASTIC: Mat = Mat {
    name: "white plastic",
    color: srgb(0xf2f4f5),
    metallic: 0.0,
    roughness: 0.45,
};
const GREY_PLASTIC: Mat = Mat {
    name: "grey plastic",
    color: srgb(0x7d868c),
    metallic: 0.0,
    roughness: 0.5,
};
const DARK_PLASTIC: Mat = Mat {
    name: "dark plastic",
    color: srgb(0x2a2f33),
    metallic: 0.0,
    roughness: 0.4,
};
const STEEL: Mat = Mat {
    name: "stainless steel",
    color: srgb(0xc9ced2),
    metallic: 0.9,
    roughness: 0.3,
};
const BENCH_TOP: Mat = Mat {
    name: "bench top",
    color: srgb(0xd9dde0),
    metallic: 0.1,
    roughness: 0.4,
};

/// A model: a name, and parts each with a material.
pub struct Model {
    pub file: &'static str,
    pub parts: Vec<(Part, Mat)>,
}

fn models() -> Vec<Model> {
    use Part::Box as B;
    vec![
        // A cleanroom step-over bench, 0.4 × 0.45 × 3.0 m.
        Model {
            file: "gowning-bench.glb",
            parts: vec![
                (
                    B {
                        c: [0.0, 0.41, 0.0],
                        s: [0.4, 0.04, 3.0],
                    }
                    .base(),
                    BENCH_TOP,
                ),
                (
                    B {
                        c: [0.0, 0.0, -1.3],
                        s: [0.3, 0.41, 0.06],
                    }
                    .base(),
                    STEEL,
                ),
                (
                    B {
                        c: [0.0, 0.0, 0.0],
                        s: [0.3, 0.41, 0.06],
                    }
                    .base(),
                    STEEL,
                ),
                (
                    B {
                        c: [0.0, 0.0, 1.3],
                        s: [0.3, 0.41, 0.06],
                    }
                    .base(),
                    STEEL,
                ),
                (
                    B {
                        c: [0.0, 0.12, 0.0],
                        s: [0.04, 0.04, 2.7],
                    }
                    .base(),
                    STEEL,
                ),
            ],
        },
    ]
    .into_iter()
    .chain(clinical::models())
    .chain(bioprod::models())
    .chain(gowning::models())
    .collect()
}

/// Builds a binary glTF for a model.
fn glb(model: &Model) -> Vec<u8> {
    // Group the parts by material: one primitive per material.
    let mut by_mat: Vec<(Mat, Mesh)> = Vec::new();
    for (part, mat) in &model.parts {
        let i = match by_mat.iter().position(|(m, _)| m.name == mat.name) {
            Some(i) => i,
            None => {
                by_mat.push((*mat, Mesh::default()));
                by_mat.len() - 1
            }
        };
        part.append(&mut by_mat[i].1);
    }

    let mut root = json::Root {
        asset: json::Asset {
            generator: Some(format!("praxis-models {}", env!("CARGO_PKG_VERSION"))),
            copyright: Some("Praxis contributors, MIT OR Apache-2.0".into()),
            ..Default::default()
        },
        ..Default::default()
    };
    let mut bin: Vec<u8> = Vec::new();
    let mut primitives = Vec::new();
    for (mat, mesh) in &by_mat {
        let material = root.push(json::Material {
            name: Some(mat.name.into()),
            pbr_metallic_roughness: json::material::PbrMetallicRoughness {
                base_color_factor: json::material::PbrBaseColorFactor(mat.color),
                metallic_factor: json::material::StrengthFactor(mat.metallic),
                roughness_factor: json::material::StrengthFactor(mat.roughness),
                ..Default::default()
            },
            // See-through materials (glass) are blended.
            alpha_mode: Valid(if mat.color[3] < 1.0 {
                json::material::AlphaMode::Blend
            } else {
                json::material::AlphaMode::Opaque
            }),
            ..Default::default()
        });
        let (min, max) = mesh.bounds();
        let positions = push_view(
            &mut root,
            &mut bin,
            floats(&mesh.positions),
            json::buffer::Target::ArrayBuffer,
        );
        let normals = push_view(
            &mut root,
            &mut bin,
            floats(&mesh.normals),
            json::buffer::Target::ArrayBuffer,
        );
        let indices = push_view(
            &mut root,
            &mut bin,
            mesh.indices.iter().flat_map(|i| i.to_le_bytes()).collect(),
            json::buffer::Target::ElementArrayBuffer,
        );
        let count = mesh.positions.len();
        let pos_acc = root.push(accessor(
            positions,
            count,
            json::accessor::ComponentType::F32,
            json::accessor::Type::Vec3,
            Some((min, max)),
        ));
        let nrm_acc = root.push(accessor(
            normals,
            count,
            json::accessor::ComponentType::F32,
            json::accessor::Type::Vec3,
            None,
        ));
        let idx_acc = root.push(accessor(
            indices,
            mesh.indices.len(),
            json::accessor::ComponentType::U16,
            json::accessor::Type::Scalar,
            None,
        ));
        let mut attributes = BTreeMap::new();
        attributes.insert(Valid(json::mesh::Semantic::Positions), pos_acc);
        attributes.insert(Valid(json::mesh::Semantic::Normals), nrm_acc);
        primitives.push(json::mesh::Primitive {
            attributes,
            extensions: Default::default(),
            extras: Default::default(),
            indices: Some(idx_acc),
            material: Some(material),
            mode: Valid(json::mesh::Mode::Triangles),
            targets: None,
        });
    }
    let buffer = root.push(json::Buffer {
        byte_length: USize64::from(bin.len()),
        extensions: Default::default(),
        extras: Default::default(),
        name: None,
        uri: None,
    });
    for view in &mut root.buffer_views {
        view.buffer = buffer;
    }
    let name = model.file.trim_end_matches(".glb").to_string();
    let mesh = root.push(json::Mesh {
        extensions: Default::default(),
        extras: Default::default(),
        name: Some(name.clone()),
        primitives,
        weights: None,
    });
    let node = root.push(json::Node {
        mesh: Some(mesh),
        name: Some(name.clone()),
        ..Default::default()
    });
    let scene = root.push(json::Scene {
        extensions: Default::default(),
        extras: Default::default(),
        name: Some(name),
        nodes: vec![node],
    });
    root.scene = Some(scene);

    let json_text = json::serialize::to_string(&root).expect("a glTF document always serialises");
    let glb = gltf::binary::Glb {
        header: gltf::binary::Header {
            magic: *b"glTF",
            version: 2,
            length: 0,
        },
        json: Cow::Owned(json_text.into_bytes()),
        bin: Some(Cow::Owned(bin)),
    };
    let mut out = Vec::new();
    glb.to_writer(&mut out)
        .expect("writing to memory cannot fail");
    out
}

fn floats(v: &[[f32; 3]]) -> Vec<u8> {
    v.iter().flatten().flat_map(|f| f.to_le_bytes()).collect()
}

/// Appends `bytes` (padded to 4) to the buffer as a new view. The buffer index is fixed up
/// once the buffer exists.
fn push_view(
    root: &mut json::Root,
    bin: &mut Vec<u8>,
    bytes: Vec<u8>,
    target: json::buffer::Target,
) -> json::Index<json::buffer::View> {
    let offset = bin.len();
    let len = bytes.len();
    bin.extend(bytes);
    while !bin.len().is_multiple_of(4) {
        bin.push(0);
    }
    root.push(json::buffer::View {
        buffer: json::Index::new(0),
        byte_length: USize64::from(len),
        byte_offset: Some(USize64::from(offset)),
        byte_stride: None,
        extensions: Default::default(),
        extras: Default::default(),
        name: None,
        target: Some(Valid(target)),
    })
}

fn accessor(
    view: json::Index<json::buffer::View>,
    count: usize,
    component: json::accessor::ComponentType,
    type_: json::accessor::Type,
    bounds: Option<([f32; 3], [f32; 3])>,
) -> json::Accessor {
    json::Accessor {
        buffer_view: Some(view),
        byte_offset: None,
        count: USize64::from(count),
        component_type: Valid(json::accessor::GenericComponentType(component)),
        extensions: Default::default(),
        extras: Default::default(),
        type_: Valid(type_),
        min: bounds.map(|(min, _)| json::Value::from(min.to_vec())),
        max: bounds.map(|(_, max)| json::Value::from(max.to_vec())),
        name: None,
        normalized: false,
        sparse: None,
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let check = args.iter().any(|a| a == "--check");
    let dir = args
        .iter()
        .find(|a| !a.starts_with("--"))
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("assets/models"));
    if let Err(e) = std::fs::create_dir_all(&dir) {
        eprintln!("praxis-models: cannot create {}: {e}", dir.display());
        return ExitCode::from(2);
    }
    let mut stale = 0;
    for model in models() {
        let bytes = glb(&model);
        let path = dir.join(model.file);
        if check {
            if std::fs::read(&path).ok().as_deref() != Some(&bytes[..]) {
                eprintln!(
                    "praxis-models: {} is not what the generator writes; run `cargo run --no-default-features --bin praxis-models`",
                    path.display()
                );
                stale += 1;
            }
        } else if let Err(e) = std::fs::write(&path, &bytes) {
            eprintln!("praxis-models: cannot write {}: {e}", path.display());
            return ExitCode::from(2);
        } else {
            println!("{} ({} bytes)", path.display(), bytes.len());
        }
    }
    if stale > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
