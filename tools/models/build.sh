#!/usr/bin/env bash
# Regenerates the models made with Blender (Debian's Blender 3.4, headless) from their Python
# scripts in tools/models/blender/, records each one's digests in tools/models/manifest.tsv,
# then renders the model catalogue (docs/models.md and a picture per model in docs/models/) of
# every model in assets/models (each is made here: the tests fail on a model no script makes).
#   tools/models/build.sh            everything
#   tools/models/build.sh --models   the Blender models and the manifest only
# The test suite checks the manifest (tests/cli/models.rs): a script changed without its model
# being regenerated fails it, without Blender. Installs Blender (and the numpy its glTF add-on
# needs) when missing.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
if ! command -v blender >/dev/null || ! /usr/bin/python3 -c 'import numpy' 2>/dev/null; then
    echo "build: installing Blender and numpy (Debian packages)" >&2
    sudo=$([ "$(id -u)" = 0 ] && echo || echo sudo)
    $sudo apt-get install -y --no-install-recommends blender python3-numpy >/dev/null
fi
version=$(blender --version 2>/dev/null | head -1)
case $version in
"Blender 3.4"*) ;;
*) echo "build: the models are made with Blender 3.4 (Debian 12's); this is $version" >&2 ;;
esac
scripts=tools/models/blender
# FILE SCRIPT [ARGS...]: each model, the script that makes it and the script's arguments.
models=(
    "hand-right.glb hand.py right"
    "hand-left.glb hand.py left"
    "manikin-torso.glb manikin.py"
    "manikin-shirt.glb manikin.py shirt"
    "patient.glb patient.py"
    "patient-iv.glb patient.py iv"
    "person-scrubs.glb person.py scrubs"
    "person-cleanroom.glb person.py cleanroom"
    "person-labcoat.glb person.py labcoat"
    "person-responder.glb person.py responder"
    "rescuer-compressing.glb rescuer.py"
    "aed.glb aed.py"
    "ph-meter.glb ph_meter.py"
    "iv-arm.glb iv_arm.py"
    "hospital-bed.glb bed.py"
    "medication-trolley.glb trolley.py"
    "bedside-table.glb bedside_table.py"
    "abhr-dispenser.glb abhr_dispenser.py"
    "waste-bin-yellow.glb waste_bin.py yellow"
    "waste-bin-black.glb waste_bin.py black"
    "glove-box.glb glove_box.py"
    "sharps-bin.glb sharps_bin.py"
    "syringe-flush.glb syringe.py flush"
    "syringe-oral.glb syringe.py oral"
    "infusion-pump.glb infusion_pump.py"
    "iv-pole.glb iv_pole.py"
    "biosafety-cabinet.glb biosafety_cabinet.py"
    "bioreactor.glb bioreactor.py"
    "bioreactor-controller.glb bioreactor_controller.py"
    "tube-welder.glb tube_welder.py"
    "balance.glb balance.py"
    "conductivity-meter.glb conductivity_meter.py"
    "filter-capsule.glb filter_capsule.py"
    "integrity-tester.glb integrity_tester.py"
    "culture-flask.glb culture_flask.py"
    "serological-pipette.glb serological_pipette.py"
    "pipette-aid.glb pipette_aid.py"
    "waste-pot.glb waste_pot.py"
    "wipes-tub.glb wipes_tub.py"
    "absorbent-pads.glb absorbent_pads.py"
    "contact-plate.glb contact_plate.py"
    "biohazard-bin.glb biohazard_bin.py"
    "logbook.glb logbook.py"
    "wall-phone.glb wall_phone.py"
    "bunsen-burner.glb bunsen_burner.py"
    "beaker-2l.glb beaker_2l.py"
    "volumetric-flask.glb volumetric_flask.py"
    "chiller-bath.glb chiller_bath.py"
    "magnetic-stirrer.glb magnetic_stirrer.py"
    "wfi-outlet.glb wfi_outlet.py"
    "label-printer.glb thermal_printer.py label"
    "balance-printer.glb thermal_printer.py balance"
    "sample-bottles.glb sample_bottles.py"
    "probe-thermometer.glb probe_thermometer.py"
    "test-weight.glb test_weight.py"
    "lab-bench.glb lab_bench.py"
    "lab-bench-2.6.glb lab_bench.py 2.6"
    "towel-dispenser.glb towel_dispenser.py"
    "soap-dispenser.glb soap_dispenser.py"
    "wall-clock.glb wall_clock.py 07:58"
    "garment-rack.glb garment_rack.py"
    "garment-bin.glb garment_bin.py"
    "disinfectant-stand.glb disinfectant_stand.py"
    "dressing-table.glb dressing_table.py"
    "ward-desk.glb ward_desk.py"
    "arm-table.glb arm_table.py"
    "sterile-pack-coverall.glb sterile_pack.py coverall"
    "sterile-pack-hood.glb sterile_pack.py hood"
    "sterile-pack-overboots.glb sterile_pack.py overboots"
    "airlock-door.glb airlock_door.py"
    "gowning-bench.glb gowning_bench.py"
    "locker.glb locker.py"
    "mirror.glb gowning_mirror.py"
    "overshoe-dispenser.glb overshoe_dispenser.py"
    "facility-suit.glb folded_garment.py suit"
    "facility-socks.glb folded_garment.py socks"
    "bouffant-cap.glb bouffant_cap.py"
    "facemask.glb facemask.py"
    "goggles.glb goggles.py"
    "sterile-gloves.glb sterile_gloves_pack.py"
    "ring.glb ring.py"
    "phone.glb mobile_phone.py"
    "sink.glb sink.py"
    "iv-cannula.glb iv_cannula.py"
    "tourniquet.glb tourniquet.py"
    "wristband.glb wristband.py"
    "wristband-worn.glb wristband.py worn"
    "prescription.glb prescription.py"
    "aed-pad.glb aed_pad.py"
    "media-bottle.glb media_bottle.py"
    "media-bottle-clear.glb media_bottle.py clear"
    "media-bottle-powder.glb media_bottle.py powder"
    "media-bottle-empty.glb media_bottle.py empty"
    "spray-bottle.glb spray_bottle.py"
    "spray-bottle-leak.glb spray_bottle.py leak"
    "weighing-boat.glb weighing_boat.py"
)
# The digest of what a model is made from: its script, the shared helpers and its arguments.
inputs_digest() { # SCRIPT ARGS...
    local script=$1
    shift
    { cat "$scripts/$script" "$scripts/common.py"; printf '%s' "$*"; } | sha256sum | cut -d' ' -f1
}
manifest=tools/models/manifest.tsv
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
{
    echo "# Models made by tools/models/build.sh with $version: file, script, arguments,"
    echo "# SHA-256 of (script, common.py, arguments), SHA-256 of the model. Do not edit."
} >"$tmp/manifest"
for m in "${models[@]}"; do
    read -r file script args <<<"$m"
    # shellcheck disable=SC2086 # the arguments are words
    if ! blender -b --factory-startup -P "$scripts/$script" -- "assets/models/$file" $args \
        >"$tmp/$file.log" 2>&1 || grep -q "^Traceback\|^Error" "$tmp/$file.log"; then
        echo "build: $file failed:" >&2
        tail -20 "$tmp/$file.log" >&2
        exit 1
    fi
    printf '%s\t%s\t%s\t%s\t%s\n' "$file" "$script" "$args" "$(inputs_digest "$script" $args)" \
        "$(sha256sum "assets/models/$file" | cut -d' ' -f1)" >>"$tmp/manifest"
    echo "build: assets/models/$file"
done
cp "$tmp/manifest" "$manifest"
[ "${1:-}" = --models ] && exit 0

# The catalogue: a picture of each model and a line of what a scenario needs to place it.
mkdir -p docs/models
page=docs/models.md
{
    echo "# Model catalogue"
    echo
    echo "Every model in \`assets/models/\`, as a scenario names it: \`model: Gltf(\"models/FILE\")\`."
    echo "Generated by \`tools/models/build.sh\` (do not edit). Sizes are in metres along the glTF axes"
    echo "(x across, y up, z towards the front); the pivot is the model's origin, the point a"
    echo "scenario's \`pose\` places, drawn in each picture as a small cross (red x, green −z, blue y up)."
    echo "Made by: the Blender script in \`tools/models/blender/\` named in its row."
    echo "Your own model: see [the scenario format](scenario-format.md#your-own-models)."
    echo
    echo "| picture | file | size x × y × z | pivot | triangles | made by | used in |"
    echo "|---|---|---|---|---|---|---|"
} >"$tmp/page"
for glb in assets/models/*.glb; do
    file=$(basename "$glb")
    id=${file%.glb}
    blender -b --factory-startup -P "$scripts/preview.py" -- "$glb" "docs/models/$id.jpg" 320 \
        >"$tmp/preview.log" 2>&1 || { tail -20 "$tmp/preview.log" >&2; exit 1; }
    json=$(sed -n 's/^PREVIEW //p' "$tmp/preview.log")
    made=$(awk -F'\t' -v f="$file" '$1 == f { print "Blender `" $2 "`" }' "$manifest")
    [ -n "$made" ] || { echo "build: $file is made by no script: add it to the list above" >&2; exit 1; }
    used=$({ grep -l "models/$file" scenarios/*.ron || true; } | xargs -r -n1 basename | sed 's/\.ron$//' | paste -sd, - | sed 's/,/, /g')
    case $file in hand-*.glb) used="every scenario: the learner's hands" ;; esac
    python3 - "$json" "$id" "$file" "$made" "${used:-—}" >>"$tmp/page" <<'EOF'
import json, sys
p, ident, file, made, used = json.loads(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5]
lo, hi = p["min"], p["max"]
def where(axis, names):
    a, b = lo[axis], hi[axis]
    span = max(b - a, 1e-6)
    if abs(a) < 0.01 * span + 0.002: return names[0]
    if abs(b) < 0.01 * span + 0.002: return names[2]
    if abs((a + b) / 2) < 0.06 * span: return names[1]
    return "%.2f m from the %s" % (-a, names[0])
pivot = ", ".join(
    (where(0, ("left", "centre", "right")), where(1, ("base", "middle", "top")),
     where(2, ("back", "centre", "front"))))
s = p["size"]
print("| ![%s](models/%s.jpg) | `%s` | %.2f × %.2f × %.2f | %s | %d | %s | %s |" % (
    ident, ident, file, s[0], s[1], s[2], pivot, p["triangles"], made, used))
EOF
    echo "build: docs/models/$id.jpg"
done
cp "$tmp/page" "$page"
echo "build: $page"
