# Praxis — messages de l'interface, en français.
# Tout texte vu par l'apprenant vient d'ici (ou du scénario). en.ftl a les mêmes identifiants.
# Typographie française : espace insécable avant « : », « ? », « ! », « ; » et « % ».

app-title = Praxis
app-tagline = Formation aux procédures : faites-le de vos mains, voyez ce qui était juste.

## Écran d'accueil
menu-scenarios = Scénarios
menu-settings = Séance
menu-duration = environ { $duration }
menu-source = Source : { $source }
menu-broken = Ce fichier de scénario comporte des erreurs et ne peut pas être ouvert :
menu-language = Langue
menu-mode = Mode
mode-guided = Guidé
mode-assessment = Évaluation
mode-guided-help = Consignes, indices et retours au fil de l'eau ; sons et sous-titres.
mode-assessment-help = Ni consignes, ni indices, ni retours avant le débriefing.
menu-view = Vue
view-standing = Debout (se déplacer)
view-seated = Assis (regarder et atteindre, sans marcher)
menu-learner = Identifiant d'apprenant (pseudonyme)
menu-learner-help = Un code donné par votre centre de formation — jamais votre nom ni votre adresse e-mail.
menu-learner-invalid = Utilisez de 1 à 64 lettres, chiffres, « - », « _ » ou « . » (sans espace ni adresse e-mail).
menu-start = Commencer
menu-start-headset = Commencer dans un casque de RV (OpenXR)
menu-start-headset-help = Rouvre le scénario avec OpenXR (Monado, SteamVR, WiVRn). Sans runtime de casque, il continue sur l'ordinateur.
menu-controls = Commandes
menu-quit = Quitter
family-clinical = Clinique
family-bioproduction = Bioproduction

## Dans la pièce
hud-clock = Durée : { $time }
hud-help = { $key } : commandes
hand-left = Main gauche : { $object }
hand-right = Main droite : { $object }
hand-empty = vide
panel-title = À faire maintenant
panel-all-done = Tout est fait. Terminez la séance quand vous êtes prêt.
panel-critical-step = Étape critique : l'oublier fait échouer la séance.
panel-hint = Indice ({ $key })
panel-hint-no-key = Indice
panel-finish = Terminer la séance
panel-actions = Actions, questions, formulaires…
vr-gesture-chosen = { $gesture } : faites-le maintenant — frottez-vous les mains, ou maintenez une gâchette aussi longtemps qu'il dure ({ $seconds } s).
vr-calibrating = Mains sur le thorax, immobiles : { $seconds } s…
panel-feedback = Ce qui s'est passé
pointer-far = trop loin : approchez-vous
pointer-grab = clic : prendre (main gauche ou droite)
verb-use = utiliser
verb-read = lire
verb-compress = comprimer
gesture-holding = { $gesture } — maintenez { $key } : { $seconds } s
notice-hand-full = Cette main tient déjà quelque chose.
notice-cannot-grab = Cela ne peut pas être pris.
notice-out-of-reach = Hors de portée : approchez-vous.
notice-no-headset = Pas de casque : aucun runtime OpenXR n'est lancé. Praxis continue sur l'ordinateur.
notice-manikin-calibrated = Mannequin étalonné : la profondeur et le relâchement des compressions sont maintenant mesurés.
notice-manikin-not-calibrated = Étalonnage impossible : posez les deux mains immobiles sur le thorax du mannequin pendant les 3 s.
notice-point-at-surface = Visez une surface pour le poser (ou lâchez-le avec sa touche).
notice-nothing-to-use = Rien à utiliser ici.
notice-nothing-to-read = Rien à lire ici.

## Menu des gestes
actions-title = Actions
actions-gestures = Gestes (choisissez-en un, puis maintenez la touche de geste)
actions-gestures-vr = Gestes (choisissez-en un, puis faites-le : frottez-vous les mains, ou maintenez une gâchette aussi longtemps qu'il dure)
actions-questions = Questions
actions-enter = Saisir : { $field }
actions-body = Enfiler ou utiliser sur soi
actions-manikin = Mannequin
actions-calibrate = Étalonner le thorax de { $manikin } : poser les deux mains dessus, immobiles, pendant 3 s
actions-wait = Laisser passer le temps
actions-wait-minutes = { $minutes } min
actions-step = Poser votre { $foot } sur le { $floor }
actions-close = Fermer

## Questions et formulaires
question-title = Question
question-several = Plusieurs réponses peuvent être justes.
question-answer = Répondre
question-cancel = Annuler
field-ok = Valider
field-not-a-number = Saisissez un nombre.
field-empty = Écrivez d'abord quelque chose.
field-too-large = Ce nombre est trop grand.
key-space = Espace
key-erase = Effacer

## Fin
finish-title = Terminer la séance ?
finish-body = La séance se termine maintenant et vous verrez votre débriefing. Ce qui n'est pas fait compte comme non fait.
finish-yes = Terminer et voir le débriefing
finish-no = Continuer

## Pause
pause-title = Pause
pause-resume = Reprendre
pause-restart = Recommencer le scénario
pause-finish = Terminer la séance
pause-language = English
pause-menu = Retour à l'accueil

## Tutoriel et commandes
tutorial-title = Commandes
tutorial-look = Bougez la souris pour regarder autour de vous. Le cercle au centre est ce que vous visez.
tutorial-move = Marchez avec { $keys } (en mode assis, vous restez en place et atteignez plus loin).
tutorial-hands = Votre main gauche est { $left }, votre main droite { $right } : visez un objet et cliquez pour le prendre, ou pour le toucher s'il ne se prend pas. Chaque main tient une seule chose.
tutorial-place = Un objet en main, visez une table ou une étagère et cliquez avec la même main pour l'y poser.
tutorial-use = { $key } utilise ce que vous visez (ou ce que vous tenez, sur ce que vous visez) ; { $read } lit un instrument ou une étiquette.
tutorial-menu = { $key } ouvre le menu des actions : gestes (maintenez ensuite { $hold } tant que vous le faites), questions, et ce que vous enfilez.
tutorial-hint = En mode guidé, { $key } donne un indice (il est compté dans votre débriefing).
tutorial-pause = { $key } met en pause ; { $help } affiche ces commandes, où chaque touche peut être changée.
tutorial-done = Compris
help-title = Commandes
help-look = Regarder : bougez la souris. Les touches sont nommées selon leur place sur un clavier américain (W est Z sur un clavier AZERTY).
help-change = Changer
help-press-key = appuyez sur une touche ou un bouton…
help-layout = Une touche déjà prise par une autre commande est échangée avec elle.
help-close = Fermer
control-forward = Avancer
control-back = Reculer
control-strafe-left = Pas à gauche
control-strafe-right = Pas à droite
control-left-hand = Main gauche : prendre, poser, toucher
control-right-hand = Main droite : prendre, poser, toucher
control-use = Utiliser
control-read = Lire ou inspecter
control-action-menu = Menu des actions
control-hold-gesture = Maintenir le geste choisi
control-drop-left = La main gauche lâche
control-drop-right = La main droite lâche
control-kneel = S'agenouiller ou se relever
control-hint = Indice
control-help = Commandes
control-pause = Pause

## Retours (mode guidé) et sous-titres
fb-step-done = Étape faite : { $step }
fb-step-done-late = Étape faite, mais dans le désordre : { $step }
fb-step-progress = { $step } : { $count } sur { $of }
fb-out-of-order = Trop tôt : { $step } — faites d'abord : { $missing }
fb-out-of-order-guidance = D'habitude fait plus tard : { $step } (d'abord : { $missing }) — conseil, non noté
fb-group-done = Terminé : { $group }
fb-round-done = { $group } : cycle { $round } terminé
fb-criterion-met = Atteint : { $criterion } { $value }
fb-criterion-failed = Non atteint : { $criterion } { $value }
fb-criterion-critical = CRITIQUE — non atteint : { $criterion } { $value }
fb-criterion-not-assessed = Non évalué : { $criterion }
fb-answer-right = Bonne réponse : { $question }
fb-answer-wrong = Mauvaise réponse : { $question } { $why }
fb-answer-wrong-critical = CRITIQUE — mauvaise réponse : { $question } { $why }
fb-error-critical = ERREUR CRITIQUE : { $text }
fb-error-major = Erreur : { $text }
fb-error-minor = Erreur mineure : { $text }
fb-error-guidance = Conseil : { $text }
fb-hint = Indice — { $step } : { $hint }
fb-hint-none = Plus rien à faire : terminez la séance.
fb-reading = { $object } affiche { $value }
fb-rejected-time = Ignoré : le temps recule.
fb-rejected-finished = Ignoré : la séance est terminée.
fb-rejected-hint = Pas d'indice en mode évaluation.
fb-rejected-number = Ignoré : nombre trop grand pour son unité.
fb-finished-passed = Séance réussie
fb-finished-failed = Séance échouée
caption-step-done = [carillon : étape faite]
caption-error = [bourdonnement : erreur]
caption-critical = [alarme : erreur critique]

## Rechargement à chaud
reload-failed-title = Le fichier de scénario comporte des erreurs
reload-failed-body = Vous avez modifié le fichier de scénario, mais il ne se charge pas. La version précédente continue ; corrigez ces points et enregistrez de nouveau :

## Débriefing
debrief-passed = RÉUSSI
debrief-failed = ÉCHOUÉ
debrief-score = Score { $score } % (seuil { $pass } %) — { $raw } points sur { $max }, { $penalties } retirés
debrief-duration = Durée : { $time } · indices demandés : { $hints }
debrief-critical = Ce qui a fait échouer la séance
debrief-missed-step = Étape critique non faite : { $step }
debrief-wrong-answer = Mauvaise réponse : { $question }
debrief-criterion-failed = Critère critique non atteint : { $criterion }
debrief-steps = Étapes
debrief-criteria = Critères
debrief-metrics = Mesures
debrief-not-measured = non mesuré
debrief-metric = { $label } : { $value }
debrief-not-assessed = non évalué : cette entrée ne permet pas de le mesurer
debrief-timeline = Ce que vous avez fait, et ce que cela signifie
debrief-sources = Ce scénario suit
debrief-record = Enregistrement de la séance : { $path } (vérifiable avec `praxis replay`)
debrief-record-error = L'enregistrement de la séance n'a pas pu être écrit : { $error }
debrief-no-record = Aucun enregistrement de séance (--no-record).
debrief-lms-sent = Votre résultat a été transmis à votre plateforme de formation ({ $lms }).
debrief-lms-error = Votre résultat n'a pas pu être transmis à votre plateforme de formation : { $error }. Prévenez votre formateur.
debrief-again = Recommencer
status-done = faite
status-out-of-order = dans le désordre
status-partial = en partie faite
status-missed = oubliée
status-skipped = passée
status-not-applicable = sans objet
status-guidance = conseil seulement

## Chronologie
act-grab = { $hand } prend { $object }
act-release = { $hand } lâche { $object }
act-release-on = { $hand } pose { $object } sur { $on }
act-use = utilise { $object }
act-use-on = utilise { $object } sur { $target }
act-touch = { $a } touche { $b }
act-gesture = { $gesture } pendant { $seconds } s
act-compress = comprime le thorax
act-read = lit { $object }
act-enter = saisit { $field } : { $value }
act-choose = répond : { $answer }
act-wait = attend { $seconds } s
act-hint = demande un indice
act-finish = termine la séance
