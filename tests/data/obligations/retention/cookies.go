package main

import (
	"context"
	"net/http"
	"time"

	"github.com/gin-gonic/gin"
	"github.com/redis/go-redis/v9"
)

var rdb = redis.NewClient(&redis.Options{})

func login(w http.ResponseWriter, r *http.Request) {
	ctx := context.Background()
	email := r.FormValue("email")
	http.SetCookie(w, &http.Cookie{Name: "remember_email", Value: email, MaxAge: 60 * 60 * 24 * 365}) // expect: retention-exceeded
	http.SetCookie(w, &http.Cookie{Name: "login_email", Value: email, MaxAge: 3600})
	http.SetCookie(w, &http.Cookie{Name: "last_email", Value: email, Expires: time.Now().Add(90 * 24 * time.Hour)}) // expect: retention-exceeded
	rdb.Set(ctx, "email", email, 0) // expect: retention-exceeded
	rdb.Set(ctx, "otp_email", email, 10*time.Minute)
}

func ginLogin(c *gin.Context) {
	email := c.PostForm("email")
	c.SetCookie("em", email, 3600*24*60, "/", "", true, true) // expect: retention-exceeded
	c.SetCookie("em_short", email, 3600, "/", "", true, true)
}

func converted(w http.ResponseWriter, r *http.Request) {
	email := r.FormValue("email")
	http.SetCookie(w, &http.Cookie{Name: "day_email", Value: email, MaxAge: int((24 * time.Hour).Seconds())})
	http.SetCookie(w, &http.Cookie{Name: "year_email", Value: email, MaxAge: int((400 * 24 * time.Hour).Seconds())}) // expect: retention-exceeded
	kept := &http.Cookie{Name: "kept_email", Value: email, MaxAge: 86400 * 400}
	http.SetCookie(w, kept) // expect: retention-exceeded
}
