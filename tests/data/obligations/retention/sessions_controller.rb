class SessionsController < ApplicationController
  def create
    email = params[:email]
    cookies[:remember_email] = { value: email, expires: 1.year.from_now } # expect: retention-exceeded
    cookies[:login_email] = { value: email, expires: 7.days.from_now }
    Rails.cache.write("email", email, expires_in: 90.days) # expect: retention-exceeded
    Rails.cache.write("otp", email, expires_in: 10.minutes)
  end
end
