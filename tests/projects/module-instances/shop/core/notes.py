"""A module-level instance of one of the project's own classes."""


class Notes:
    def send_request(self, method, url, data=None):
        return [method, url]


notes = Notes()
