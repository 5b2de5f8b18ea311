import Foundation

/// nginx (Debian's package) serving a directory read-only on a loopback port, as a public
/// web server would serve published tiles; started and stopped by the test.
struct Nginx {
    let process: Process
    let url: String
    let prefix: String

    static var binary: String? {
        ["/usr/sbin/nginx", "/usr/bin/nginx"].first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Serves `root`; with `tiles`, as a public site: `root` at `/`, `tiles` at `/tlog/`, the
    /// file types a browser needs and a Content-Security-Policy of `default-src 'self'`.
    static func serve(_ root: String, tiles: String? = nil) throws -> Nginx {
        guard let binary else { throw Unexpected("nginx is not installed (.ci/setup installs it)") }
        for _ in 0..<20 {
            let port = Int.random(in: 20_000...60_000)
            let prefix = try temporaryDirectory("jhf-nginx")
            try FileManager.default.createDirectory(atPath: "\(prefix)/tmp", withIntermediateDirectories: true)
            try write("\(prefix)/nginx.conf", """
                daemon off;
                master_process off;
                worker_processes 1;
                pid \(prefix)/nginx.pid;
                error_log \(prefix)/error.log warn;
                events { worker_connections 256; }
                http {
                    access_log off;
                    client_body_temp_path \(prefix)/tmp/body;
                    proxy_temp_path \(prefix)/tmp/proxy;
                    fastcgi_temp_path \(prefix)/tmp/fastcgi;
                    uwsgi_temp_path \(prefix)/tmp/uwsgi;
                    scgi_temp_path \(prefix)/tmp/scgi;
                    default_type application/octet-stream;
                    keepalive_requests 100000;
                    server {
                        listen 127.0.0.1:\(port);
                        root \(root);
                        \(tiles.map { Self.site(tiles: $0) } ?? """
                        location = /checkpoint { default_type "text/plain; charset=utf-8"; add_header Cache-Control "max-age=2"; }
                        location /tile/ { add_header Cache-Control "max-age=31536000, immutable"; }
                        """)
                    }
                }
                """)
            let p = Process()
            p.executableURL = URL(fileURLWithPath: binary)
            p.arguments = ["-p", prefix, "-c", "\(prefix)/nginx.conf", "-e", "\(prefix)/error.log"]
            p.standardOutput = FileHandle.nullDevice
            p.standardError = FileHandle.nullDevice
            try p.run()
            for _ in 0..<100 {
                if !p.isRunning { break }
                if httpGet(port: port, tiles == nil ? "/checkpoint" : "/tlog/checkpoint") != nil { return Nginx(process: p, url: "http://127.0.0.1:\(port)", prefix: prefix) }
                usleep(20_000)
            }
            if p.isRunning { p.terminate(); p.waitUntilExit() }
            try? FileManager.default.removeItem(atPath: prefix)
        }
        throw Unexpected("nginx did not start")
    }

    private static func site(tiles: String) -> String {
        let csp = #"add_header Content-Security-Policy "default-src 'self'" always;"#
        return """
            types { text/html html; text/css css; text/javascript js; application/json json; image/svg+xml svg;
                    text/csv csv; application/xml xml; text/markdown md; }
            \(csp)
            location = /tlog/checkpoint { alias \(tiles)/checkpoint; default_type "text/plain; charset=utf-8"; add_header Cache-Control "no-cache"; \(csp) }
            location /tlog/ { alias \(tiles)/; add_header Cache-Control "max-age=31536000, immutable"; \(csp) }
            """
    }

    /// SIGKILL: the test process's threads block SIGTERM and a child started by Foundation
    /// inherits that mask, which nginx without a master process keeps.
    func stop() {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        try? FileManager.default.removeItem(atPath: prefix)
    }
}
