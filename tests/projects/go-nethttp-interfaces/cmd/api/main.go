// Command api serves the newsletter sign-up endpoints.
package main

import (
	"database/sql"
	"log/slog"
	"net/http"
	"os"

	_ "github.com/jackc/pgx/v5/stdlib"

	"github.com/acme/newsletter/internal/api"
	"github.com/acme/newsletter/internal/postgres"
	"github.com/acme/newsletter/internal/subscriber"
	"github.com/acme/newsletter/internal/webhook"
	"github.com/acme/newsletter/pkg/mailer"
)

func main() {
	db, err := sql.Open("pgx", os.Getenv("DATABASE_URL"))
	if err != nil {
		slog.Error("open database", "err", err)
		os.Exit(1)
	}
	hooks := webhook.NewClient(os.Getenv("WEBHOOK_URL"))
	svc := subscriber.NewService(postgres.New(db), mailer.Default, hooks)
	srv := api.NewServer(svc)

	mux := http.NewServeMux()
	mux.HandleFunc("POST /subscribe", srv.Subscribe)
	mux.HandleFunc("POST /unsubscribe", srv.Unsubscribe)
	slog.Info("listening", "addr", ":8080")
	if err := http.ListenAndServe(":8080", mux); err != nil {
		slog.Error("serve", "err", err)
	}
}
