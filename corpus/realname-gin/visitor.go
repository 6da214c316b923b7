package main

import (
	"time"

	"github.com/gin-gonic/gin"
)

const (
	visitorCookie = "rn_vid"
	visitCookie   = "rn_visit"
)

// trackVisits gives each browser a visitor cookie id and each visit a visit
// cookie id, so the usage reports can count page views per visitor and per
// visit.
func (s *Server) trackVisits() gin.HandlerFunc {
	return func(c *gin.Context) {
		visitorCookieID, err := c.Cookie(visitorCookie)
		if err != nil || visitorCookieID == "" {
			visitorCookieID = newToken()
			c.SetCookie(visitorCookie, visitorCookieID, 2*365*24*3600, "/", "", true, true)
		}
		visitCookieID, err := c.Cookie(visitCookie)
		if err != nil || visitCookieID == "" {
			visitCookieID = newToken()
		}
		// A visit ends after 30 minutes without a page view.
		c.SetCookie(visitCookie, visitCookieID, 30*60, "/", "", true, true)

		c.Next()
		if c.Request.Method != "GET" || c.Writer.Status() >= 400 {
			return
		}
		_, _ = s.db.Exec("INSERT INTO page_views (visitor_id, visit_id, path, viewed_at) VALUES (?, ?, ?, ?)",
			visitorCookieID, visitCookieID, c.FullPath(), time.Now())
	}
}
