wrk.method = "POST"
wrk.body = '{"parameters":{}}'
wrk.headers["Content-Type"] = "application/json"
