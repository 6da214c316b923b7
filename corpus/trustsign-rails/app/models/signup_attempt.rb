class SignupAttempt < ApplicationRecord
end
