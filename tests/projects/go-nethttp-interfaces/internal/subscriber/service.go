// Package subscriber manages the newsletter list.
package subscriber

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"log/slog"

	"github.com/acme/newsletter/pkg/mailer"
)

// Store keeps the list; the service does not know which database.
type Store interface {
	Add(ctx context.Context, s Subscriber) error
	Remove(ctx context.Context, email string) error
}

// Notifier tells other systems about list changes.
type Notifier interface {
	Send(ctx context.Context, event string, id int64) error
}

// Subscriber is one entry of the list.
type Subscriber struct {
	ID        int64
	Email     string
	FirstName string
	SignupIP  string
	Token     string
}

// Service implements sign-up and removal.
type Service struct {
	store  Store
	mail   mailer.Sender
	notify Notifier
	log    *slog.Logger
}

// NewService wires the service to its store, mailer and notifier.
func NewService(store Store, mail mailer.Sender, notify Notifier) *Service {
	return &Service{store: store, mail: mail, notify: notify, log: slog.Default()}
}

// Subscribe adds an address and sends the welcome mail in the background.
func (s *Service) Subscribe(ctx context.Context, email, firstName, ip string) error {
	sub := Subscriber{Email: email, FirstName: firstName, SignupIP: ip, Token: newToken()}
	if err := s.store.Add(ctx, sub); err != nil {
		return fmt.Errorf("add subscriber: %w", err)
	}
	s.log.Info("subscribed", "token", sub.Token)
	s.notify.Send(ctx, "subscribed", sub.ID)
	go s.welcome(sub)
	return nil
}

func (s *Service) welcome(sub Subscriber) {
	msg := mailer.Message{To: sub.Email, Subject: "Welcome!", Body: greeting(sub.FirstName)}
	if err := s.mail.Send(msg); err != nil {
		s.log.Error("welcome mail failed", "err", err)
	}
}

// Unsubscribe removes an address.
func (s *Service) Unsubscribe(ctx context.Context, email string) error {
	return s.store.Remove(ctx, email)
}

func newToken() string {
	b := make([]byte, 16)
	rand.Read(b)
	return hex.EncodeToString(b)
}
