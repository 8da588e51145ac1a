package web

import "net/http"

// routes lists every route of the app. Forms POST and redirect with 303; every
// page works without JavaScript.
func (s *Server) routes() http.Handler {
	mux := http.NewServeMux()

	// Board and applications.
	mux.HandleFunc("GET /{$}", s.cached(s.board))
	mux.HandleFunc("GET /applications/new", s.newApplication)
	mux.HandleFunc("POST /applications", s.createApplication)
	mux.HandleFunc("GET /applications/{id}", s.showApplication)
	mux.HandleFunc("GET /applications/{id}/edit", s.editApplication)
	mux.HandleFunc("POST /applications/{id}/edit", s.updateApplication)
	mux.HandleFunc("GET /applications/{id}/delete", s.confirmDeleteApplication)
	mux.HandleFunc("POST /applications/{id}/delete", s.deleteApplication)
	mux.HandleFunc("POST /applications/{id}/move", s.moveApplication)
	mux.HandleFunc("POST /applications/{id}/notes", s.addNote)
	mux.HandleFunc("POST /applications/{id}/stages", s.addStage)
	mux.HandleFunc("POST /applications/{id}/stages/{sid}/rename", s.renameStage)
	mux.HandleFunc("POST /applications/{id}/stages/{sid}/remove", s.removeStage)
	mux.HandleFunc("POST /applications/{id}/rounds", s.addRound)
	mux.HandleFunc("POST /applications/{id}/rounds/{rid}/rename", s.renameRound)
	mux.HandleFunc("POST /applications/{id}/rounds/{rid}/remove", s.removeRound)
	mux.HandleFunc("POST /applications/{id}/contacts", s.addContact)
	mux.HandleFunc("POST /applications/{id}/contacts/{cid}/remove", s.removeContact)
	mux.HandleFunc("POST /applications/{id}/tasks", s.addTask)
	mux.HandleFunc("POST /applications/{id}/interviews", s.scheduleInterview)
	mux.HandleFunc("POST /applications/{id}/resume", s.checkApplicationResume)
	mux.HandleFunc("GET /applications/{id}/takehome", s.applicationTakehome)
	mux.HandleFunc("POST /applications/{id}/takehome", s.checkApplicationTakehome)

	// The application kit: each application's cover letter and pitch, and
	// the portfolio checklist with a README check.
	mux.HandleFunc("GET /applications/{id}/letter", s.showLetter)
	mux.HandleFunc("POST /applications/{id}/letter", s.postLetter)
	mux.HandleFunc("GET /applications/{id}/letter.txt", s.exportKitDoc("letter", "txt"))
	mux.HandleFunc("GET /applications/{id}/letter.md", s.exportKitDoc("letter", "md"))
	mux.HandleFunc("GET /applications/{id}/pitch", s.showPitch)
	mux.HandleFunc("POST /applications/{id}/pitch", s.postPitch)
	mux.HandleFunc("GET /applications/{id}/pitch.txt", s.exportKitDoc("pitch", "txt"))
	mux.HandleFunc("GET /applications/{id}/pitch.md", s.exportKitDoc("pitch", "md"))
	mux.HandleFunc("GET /portfolio", s.portfolio)
	mux.HandleFunc("POST /portfolio", s.checkReadme)

	// Interviews.
	mux.HandleFunc("GET /interviews/{id}", s.showInterview)
	mux.HandleFunc("POST /interviews/{id}", s.updateInterview)
	mux.HandleFunc("POST /interviews/{id}/done", s.finishInterview)
	mux.HandleFunc("POST /interviews/{id}/redflags", s.saveRedFlags)
	mux.HandleFunc("POST /interviews/{id}/asks", s.saveAsks)

	// Today and tasks.
	mux.HandleFunc("GET /today", s.cached(s.today))
	mux.HandleFunc("POST /tasks/done", s.taskDone)
	mux.HandleFunc("POST /tasks/undo", s.taskUndo)
	mux.HandleFunc("POST /coach/mark", s.coachMark)

	// Funnel, calendar, settings, import and export.
	mux.HandleFunc("GET /funnel", s.cached(s.funnel))
	mux.HandleFunc("GET /calendar.ics", s.calendar)
	mux.HandleFunc("GET /settings", s.settings)
	mux.HandleFunc("POST /settings", s.saveSettings)
	mux.HandleFunc("POST /settings/drill", s.saveDrillSettings)
	mux.HandleFunc("GET /export.json", s.export)
	mux.HandleFunc("GET /import", s.importForm)
	mux.HandleFunc("POST /import", s.importFile)

	// Drill: review, statistics and cards.
	mux.HandleFunc("GET /drill", s.drillReview)
	mux.HandleFunc("POST /drill/rate", s.drillRate)
	mux.HandleFunc("GET /drill/stats", s.drillStats)
	mux.HandleFunc("POST /drill/optimize", s.drillOptimize)
	mux.HandleFunc("GET /cards", s.cardList)
	mux.HandleFunc("GET /cards/new", s.newCard)
	mux.HandleFunc("POST /cards/new", s.createCard)
	mux.HandleFunc("POST /cards/import", s.importCards)
	mux.HandleFunc("GET /cards/export.csv", s.exportCardsCSV)
	mux.HandleFunc("GET /cards/export.txt", s.exportCardsAnki)
	mux.HandleFunc("GET /cards/{id}", s.showCard)
	mux.HandleFunc("GET /cards/{id}/edit", s.editCard)
	mux.HandleFunc("POST /cards/{id}/edit", s.updateCard)
	mux.HandleFunc("GET /cards/{id}/delete", s.confirmDeleteCard)
	mux.HandleFunc("POST /cards/{id}/delete", s.deleteCard)

	// Problems: the ML coding judge.
	mux.HandleFunc("GET /problems", s.cached(s.problemList))
	mux.HandleFunc("GET /problems/{id}", s.cached(s.showProblem))
	mux.HandleFunc("POST /problems/{id}/run", s.runProblem)

	// Practice rounds: stories, design sessions, the study plan, mock timers.
	mux.HandleFunc("GET /practice", s.cached(s.practiceHub))
	mux.HandleFunc("GET /stories", s.cached(s.storyList))
	mux.HandleFunc("POST /stories", s.createStory)
	mux.HandleFunc("GET /stories/new", s.newStory)
	mux.HandleFunc("GET /stories/practice", s.storyPractice)
	mux.HandleFunc("GET /stories/{id}", s.showStory)
	mux.HandleFunc("POST /stories/{id}", s.updateStory)
	mux.HandleFunc("GET /stories/{id}/delete", s.confirmDeleteStory)
	mux.HandleFunc("POST /stories/{id}/delete", s.deleteStory)
	mux.HandleFunc("GET /design", s.cached(s.designList))
	mux.HandleFunc("GET /design/{prompt}", s.designPrompt)
	mux.HandleFunc("POST /design/{prompt}", s.startDesign)
	mux.HandleFunc("GET /design/sessions/{id}", s.showSession)
	mux.HandleFunc("POST /design/sessions/{id}/step", s.designStep)
	mux.HandleFunc("POST /design/sessions/{id}/score", s.scoreDesign)
	mux.HandleFunc("GET /plan", s.cached(s.planShow))
	mux.HandleFunc("POST /plan", s.planStart)
	mux.HandleFunc("POST /plan/{item}", s.planMark)
	mux.HandleFunc("GET /mock", s.mockList)
	mux.HandleFunc("GET /mock/{id}", s.mockRound)

	// Resume checker: check a file, optionally against a job description, and
	// read the report.
	mux.HandleFunc("GET /resume", s.cached(s.resumeForm))
	mux.HandleFunc("POST /resume", s.checkResume)
	mux.HandleFunc("GET /resume/checks/{id}", s.cached(s.showCheck))

	// Take-home checker: check a folder on this machine or an uploaded zip,
	// and read or download the report ({rid}, {rid}.md, {rid}.json).
	mux.HandleFunc("GET /takehome", s.takehomeForm)
	mux.HandleFunc("POST /takehome", s.checkTakehome)
	mux.HandleFunc("GET /takehome/reports/{rid}", s.showTakehome)

	// Offers: comparison, weights, market table, deadlines.
	mux.HandleFunc("GET /offers", s.offers)
	mux.HandleFunc("POST /offers", s.saveOffers)
	mux.HandleFunc("POST /offers/weights", s.saveWeights)
	mux.HandleFunc("POST /offers/market", s.loadMarket)
	mux.HandleFunc("POST /offers/market/reset", s.resetMarket)
	mux.HandleFunc("POST /offers/deadlines", s.syncOfferDeadlines)

	// JSON API.
	mux.HandleFunc("GET /api/applications", s.apiApplications)
	mux.HandleFunc("GET /api/applications/{id}", s.apiApplication)
	mux.HandleFunc("GET /api/today", s.apiToday)
	mux.HandleFunc("GET /api/coach", s.apiCoach)
	mux.HandleFunc("GET /api/funnel", s.apiFunnel)
	mux.HandleFunc("GET /api/drill/next", s.apiDrillNext)
	mux.HandleFunc("POST /api/drill/rate", s.apiDrillRate)
	mux.HandleFunc("GET /api/drill/stats", s.apiDrillStats)
	mux.HandleFunc("GET /api/offers", s.apiOffers)
	mux.HandleFunc("POST /api/judge/{id}", s.apiJudge)

	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.Write([]byte("ok"))
	})
	mux.Handle("GET /static/", s.static)
	mux.HandleFunc("/", s.notFound)
	return mux
}
