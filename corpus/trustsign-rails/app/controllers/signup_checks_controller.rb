# Signup risk control: the signup form asks here before it submits, and a
# browser that keeps creating accounts is turned away for an hour.
class SignupChecksController < ApplicationController
  MAX_ATTEMPTS_PER_HOUR = 5

  def create
    if SignupThrottle.attempts(cookies[:ts_vid]) > MAX_ATTEMPTS_PER_HOUR
      head :too_many_requests
    else
      head :no_content
    end
  end
end
