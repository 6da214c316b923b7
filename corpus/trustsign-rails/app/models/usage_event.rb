class UsageEvent < ApplicationRecord
end
