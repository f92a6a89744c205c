# Praxis — interface messages, English.
# Every string the learner sees comes from here (or from the scenario). fr.ftl has the same ids.

app-title = Praxis
app-tagline = Procedure training: do it with your hands, see what you got right.

## Start screen
menu-scenarios = Scenarios
menu-settings = Session
menu-duration = about { $duration }
menu-source = Source: { $source }
menu-broken = This scenario file has problems and cannot be opened:
menu-language = Language
menu-mode = Mode
mode-guided = Guided
mode-assessment = Assessment
mode-guided-help = Instructions, hints and feedback as you go; sounds and captions.
mode-assessment-help = No instructions, no hints, no feedback until the debrief.
menu-view = View
view-standing = Standing (walk around)
view-seated = Seated (look and reach, no walking)
menu-learner = Learner id (pseudonymous)
menu-learner-help = A code your training centre gave you — never your name or e-mail address.
menu-learner-invalid = Use 1 to 64 letters, digits, "-", "_" or "." (no spaces, no e-mail address).
menu-start = Start
menu-start-headset = Start in a VR headset (OpenXR)
menu-start-headset-help = Opens the scenario again through OpenXR (Monado, SteamVR, WiVRn). Without a headset runtime it carries on on the desktop.
menu-controls = Controls
menu-quit = Quit
family-clinical = Clinical
family-bioproduction = Bioproduction

## In the room
hud-clock = Time { $time }
hud-help = { $key }: controls
hand-left = Left hand: { $object }
hand-right = Right hand: { $object }
hand-empty = empty
panel-title = What to do now
panel-all-done = Everything is done. Finish the session when you are ready.
panel-critical-step = Critical step: missing it fails the session.
panel-hint = Hint ({ $key })
panel-hint-no-key = Hint
panel-finish = Finish the session
panel-actions = Actions, questions, forms…
vr-gesture-chosen = { $gesture }: make it now — rub your hands together, or hold a trigger for as long as it lasts ({ $seconds } s).
vr-calibrating = Hands on the chest, still: { $seconds } s…
panel-feedback = What happened
pointer-far = too far: come closer
pointer-grab = click: pick up (left or right hand)
verb-use = use
verb-read = read
verb-compress = compress
gesture-holding = { $gesture } — hold { $key }: { $seconds } s
notice-hand-full = That hand is already holding something.
notice-cannot-grab = That cannot be picked up.
notice-out-of-reach = Out of reach: come closer.
notice-no-headset = No headset: no OpenXR runtime is running. Praxis carries on on the desktop.
notice-manikin-calibrated = Manikin calibrated: compression depth and recoil are now measured.
notice-manikin-not-calibrated = Calibration failed: rest both hands still on the manikin's chest for the whole 3 s.
notice-point-at-surface = Point at a surface to put it down (or drop it with its drop key).
notice-nothing-to-use = Nothing to use here.
notice-nothing-to-read = Nothing to read here.

## Hand-action menu
actions-title = Actions
actions-gestures = Gestures (choose one, then hold the gesture key)
actions-gestures-vr = Gestures (choose one, then make it: rub your hands, or hold a trigger for as long as it lasts)
actions-questions = Questions
actions-enter = Enter: { $field }
actions-body = Put on or use on yourself
actions-manikin = Manikin
actions-calibrate = Calibrate the chest of { $manikin }: rest both hands on it, still, for 3 s
actions-wait = Let time pass
actions-wait-minutes = { $minutes } min
actions-step = Put your { $foot } on the { $floor }
actions-close = Close

## Questions and forms
question-title = Question
question-several = Several answers may be right.
question-answer = Answer
question-cancel = Cancel
field-ok = OK
field-not-a-number = Enter a number.
field-empty = Write something first.
field-too-large = This number is too large.
key-space = Space
key-erase = Erase

## Ending
finish-title = End the session?
finish-body = The session ends now and you will see your debrief. Anything not done counts as not done.
finish-yes = End and see the debrief
finish-no = Keep going

## Pause menu
pause-title = Paused
pause-resume = Resume
pause-restart = Restart the scenario
pause-finish = End the session
pause-language = Français
pause-menu = Back to the start screen

## Tutorial and controls
tutorial-title = Controls
tutorial-look = Move the mouse to look around. The circle in the middle is where you point.
tutorial-move = Walk with { $keys } (in seated mode you stay in place and reach further).
tutorial-hands = Your left hand is { $left }, your right hand { $right }: point at something and click to pick it up, or to touch it if it cannot be picked up. Each hand holds one thing.
tutorial-place = Holding something, point at a table or shelf and click the same hand to put it down there.
tutorial-use = { $key } uses what you point at (or uses what you hold on it); { $read } reads an instrument or a label.
tutorial-menu = { $key } opens the action menu: gestures (then hold { $hold } as long as you do it), questions, and things you put on yourself.
tutorial-hint = In guided mode, { $key } gives a hint (it is counted in your debrief).
tutorial-pause = { $key } pauses; { $help } shows these controls, where you can change any key.
tutorial-done = Got it
help-title = Controls
help-look = Look: move the mouse. Keys are named by their place on a US keyboard (W is Z on an AZERTY keyboard).
help-change = Change
help-press-key = press a key or button…
help-layout = A key already used by another control is swapped with it.
help-close = Close
control-forward = Walk forward
control-back = Walk back
control-strafe-left = Step left
control-strafe-right = Step right
control-left-hand = Left hand: pick up, put down, touch
control-right-hand = Right hand: pick up, put down, touch
control-use = Use
control-read = Read or inspect
control-action-menu = Action menu
control-hold-gesture = Hold the chosen gesture
control-drop-left = Left hand lets go
control-drop-right = Right hand lets go
control-kneel = Kneel down or stand up
control-hint = Hint
control-help = Controls
control-pause = Pause

## Feedback (guided mode) and captions
fb-step-done = Step done: { $step }
fb-step-done-late = Step done, but out of order: { $step }
fb-step-progress = { $step }: { $count } of { $of }
fb-out-of-order = Too early: { $step } — do this first: { $missing }
fb-out-of-order-guidance = Usually done later: { $step } (do first: { $missing }) — advice, not scored
fb-group-done = Done: { $group }
fb-round-done = { $group }: round { $round } done
fb-criterion-met = Met: { $criterion } { $value }
fb-criterion-failed = Not met: { $criterion } { $value }
fb-criterion-critical = CRITICAL — not met: { $criterion } { $value }
fb-criterion-not-assessed = Not assessed: { $criterion }
fb-answer-right = Right answer: { $question }
fb-answer-wrong = Wrong answer: { $question } { $why }
fb-answer-wrong-critical = CRITICAL — wrong answer: { $question } { $why }
fb-error-critical = CRITICAL ERROR: { $text }
fb-error-major = Error: { $text }
fb-error-minor = Minor error: { $text }
fb-error-guidance = Advice: { $text }
fb-hint = Hint — { $step }: { $hint }
fb-hint-none = Nothing left to do: finish the session.
fb-reading = { $object } reads { $value }
fb-rejected-time = Ignored: time went backwards.
fb-rejected-finished = Ignored: the session has ended.
fb-rejected-hint = No hints in assessment mode.
fb-rejected-number = Ignored: the number is too large for its unit.
fb-finished-passed = Session passed
fb-finished-failed = Session failed
caption-step-done = [chime: step done]
caption-error = [buzz: error]
caption-critical = [alarm: critical error]

## Hot reload
reload-failed-title = The scenario file has problems
reload-failed-body = You changed the scenario file, but it does not load. The previous version keeps running; fix these and save again:

## Debrief
debrief-passed = PASSED
debrief-failed = FAILED
debrief-score = Score { $score } % (pass mark { $pass } %) — { $raw } of { $max } points, { $penalties } taken off
debrief-duration = Time: { $time } · hints asked: { $hints }
debrief-critical = What failed the session
debrief-missed-step = Critical step not done: { $step }
debrief-wrong-answer = Wrong answer: { $question }
debrief-criterion-failed = Critical criterion not met: { $criterion }
debrief-steps = Steps
debrief-criteria = Criteria
debrief-metrics = Measures
debrief-not-measured = not measured
debrief-metric = { $label }: { $value }
debrief-not-assessed = not assessed: this input cannot measure it
debrief-timeline = What you did, and what it meant
debrief-sources = This scenario follows
debrief-record = Session record: { $path } (check it with `praxis replay`)
debrief-record-error = The session record could not be written: { $error }
debrief-no-record = No session record was written (--no-record).
debrief-lms-sent = Your result was sent to your learning platform ({ $lms }).
debrief-lms-error = Your result could not be sent to your learning platform: { $error }. Tell your trainer.
debrief-again = Try again
status-done = done
status-out-of-order = out of order
status-partial = partly done
status-missed = missed
status-skipped = skipped
status-not-applicable = not applicable
status-guidance = guidance only

## Timeline
act-grab = { $hand } picks up { $object }
act-release = { $hand } lets go of { $object }
act-release-on = { $hand } puts { $object } on { $on }
act-use = uses { $object }
act-use-on = uses { $object } on { $target }
act-touch = { $a } touches { $b }
act-gesture = { $gesture } for { $seconds } s
act-compress = compresses the chest
act-read = reads { $object }
act-enter = enters { $field }: { $value }
act-choose = answers: { $answer }
act-wait = waits { $seconds } s
act-hint = asks for a hint
act-finish = ends the session
