# Counts signup attempts per visitor cookie over the last hour.
class SignupThrottle
  def self.attempts(visitor_cookie_id)
    return 0 if visitor_cookie_id.blank?

    SignupAttempt.create!(visitor_cookie_id: visitor_cookie_id)
    SignupAttempt.where(visitor_cookie_id: visitor_cookie_id).where("created_at > ?", 1.hour.ago).count
  end
end
