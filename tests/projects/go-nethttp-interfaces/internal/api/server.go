// Package api decodes HTTP requests and hands them to the subscriber service.
package api

import (
	"encoding/json"
	"net/http"

	"github.com/acme/newsletter/internal/subscriber"
)

// Server holds the handlers.
type Server struct {
	subscribers *subscriber.Service
}

// NewServer returns the handlers for svc.
func NewServer(svc *subscriber.Service) *Server {
	return &Server{subscribers: svc}
}

// Subscribe adds the posted address to the list.
func (s *Server) Subscribe(w http.ResponseWriter, r *http.Request) {
	var in subscribeInput
	if err := json.NewDecoder(r.Body).Decode(&in); err != nil { // expect: collected user.contact.email; collected user.name.first
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	if err := s.subscribers.Subscribe(r.Context(), in.Email, in.FirstName, remoteIP(r)); err != nil {  // expect: shared user.contact.email -> postmark; shared user.name.first -> postmark; stored user.contact.email; stored user.device.ip_address; stored user.name.first
		http.Error(w, "try again later", http.StatusServiceUnavailable)
		return
	}
	writeJSON(w, http.StatusCreated, map[string]string{"status": "subscribed"})
}

// Unsubscribe removes an address from the list.
func (s *Server) Unsubscribe(w http.ResponseWriter, r *http.Request) {
	email := r.FormValue("email") // expect: collected user.contact.email
	if err := s.subscribers.Unsubscribe(r.Context(), email); err != nil {
		http.Error(w, "try again later", http.StatusServiceUnavailable)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}
