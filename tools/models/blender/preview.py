"""A catalogue picture of a model: `preview.py -- MODEL.glb OUT.jpg|OUT.png [SIZE]`.

Imports the binary glTF, frames it from the front-right and above (the learner's usual view of
a thing on a bench), lights it with a key, a fill and a soft sky, renders it with Cycles on the
CPU (no GPU needed), and prints one JSON line: the model's size (metres, glTF axes), its bounds
and its triangles. The origin (the pivot) is drawn as a small red-green-blue axis cross.
"""

import json
import math
import os
import sys

import bpy
import numpy
from mathutils import Vector

# Debian's numpy (1.24) no longer has `numpy.bool`, which Blender 3.4's glTF importer still uses.
if not hasattr(numpy, "bool"):
    numpy.bool = bool

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common as c  # noqa: E402

args = sys.argv[sys.argv.index("--") + 1:]
src, out = args[0], args[1]
size = int(args[2]) if len(args) > 2 else 360

c.reset()
bpy.ops.import_scene.gltf(filepath=src)
meshes = [o for o in bpy.context.scene.objects if o.type == "MESH"]
lo = Vector((1e9, 1e9, 1e9))
hi = Vector((-1e9, -1e9, -1e9))
tris = 0
deps = bpy.context.evaluated_depsgraph_get()
for o in meshes:
    for v in o.bound_box:
        w = o.matrix_world @ Vector(v)
        lo = Vector(map(min, lo, w))
        hi = Vector(map(max, hi, w))
    me = o.evaluated_get(deps).data
    tris += sum(len(p.vertices) - 2 for p in me.polygons)
centre = (lo + hi) / 2
extent = hi - lo
radius = max(extent.length / 2, 0.01)

# The pivot: three thin bars along x (red), y (green, glTF's −z) and z (blue, glTF's up).
axis_len = max(radius * 0.35, 0.02)
for name, hexcode, d in (("x", 0xE03030, (1, 0, 0)), ("y", 0x30C030, (0, 1, 0)),
                         ("z", 0x3060F0, (0, 0, 1))):
    m = c.material("axis " + name, hexcode, roughness=0.8)
    t = axis_len * 0.04
    sz = [t if k == 0 else t for k in range(3)]
    sz = [axis_len if d[k] else t for k in range(3)]
    c.box("axis." + name, sz, m, location=[axis_len / 2 * d[k] for k in range(3)])

scene = bpy.context.scene
cam_data = bpy.data.cameras.new("camera")
cam_data.lens = 50
cam = c.link(bpy.data.objects.new("camera", cam_data))
# Front-right and above: glTF +z (front) is Blender −y.
view = Vector((0.5, -0.9, 0.9)).normalized()
fov = 2 * math.atan(cam_data.sensor_width / 2 / cam_data.lens)
dist = radius / math.sin(fov / 2) * 1.05
cam.location = centre + view * dist
cam.rotation_euler = (-view).to_track_quat("-Z", "Y").to_euler()
cam_data.clip_start = dist / 100
cam_data.clip_end = dist * 10
scene.camera = cam


def lamp(name, energy, loc, size):
    ld = bpy.data.lights.new(name, "AREA")
    ld.energy = energy * (radius / 0.3) ** 2
    ld.size = size * radius * 2
    lo_ = c.link(bpy.data.objects.new(name, ld))
    lo_.location = centre + Vector(loc) * radius * 4
    lo_.rotation_euler = (-Vector(loc)).to_track_quat("-Z", "Y").to_euler()


lamp("key", 70, (0.8, -0.9, 1.2), 1.0)
lamp("fill", 30, (-1.2, -0.6, 0.4), 1.5)
lamp("rim", 35, (-0.3, 1.2, 0.8), 1.0)
world = bpy.data.worlds.new("world")
world.use_nodes = True
world.node_tree.nodes["Background"].inputs[0].default_value = (0.82, 0.85, 0.88, 1.0)
world.node_tree.nodes["Background"].inputs[1].default_value = 0.6
scene.world = world

scene.render.engine = "CYCLES"
scene.cycles.device = "CPU"
scene.cycles.samples = 24
scene.cycles.use_denoising = False
scene.cycles.seed = 1
scene.render.resolution_x = size
scene.render.resolution_y = size * 3 // 4
scene.render.film_transparent = False
scene.view_settings.view_transform = "Filmic"
if out.endswith(".jpg"):
    scene.render.image_settings.file_format = "JPEG"
    scene.render.image_settings.quality = 85
else:
    scene.render.image_settings.file_format = "PNG"
scene.render.filepath = out
# No render metadata (date, time, render time, host…): the same model gives the same file.
for attr in dir(scene.render):
    if attr.startswith("use_stamp"):
        setattr(scene.render, attr, False)
bpy.ops.render.render(write_still=True)


def strip_comments(path):
    """Drops a JPEG's comment segments, where Cycles writes its render times."""
    data = open(path, "rb").read()
    if data[:2] != b"\xff\xd8":
        return
    out, i = bytearray(data[:2]), 2
    while i + 4 <= len(data) and data[i] == 0xFF and data[i + 1] != 0xDA:
        length = int.from_bytes(data[i + 2:i + 4], "big")
        if data[i + 1] != 0xFE:
            out += data[i:i + 2 + length]
        i += 2 + length
    out += data[i:]
    open(path, "wb").write(bytes(out))


if out.endswith(".jpg"):
    strip_comments(out)

# glTF axes: x, y up (Blender z), z front (Blender −y).
print("PREVIEW " + json.dumps({
    "file": os.path.basename(src),
    "size": [round(extent.x, 3), round(extent.z, 3), round(extent.y, 3)],
    "min": [round(lo.x, 3), round(lo.z, 3), round(-hi.y, 3)],
    "max": [round(hi.x, 3), round(hi.z, 3), round(-lo.y, 3)],
    "triangles": tris,
}))
