using System;
using System.CommandLine;
using System.Security;
using AadstsTools.Connection;

namespace AadstsTools.Cli.Commands
{
    /// <summary>
    /// How the CLI signs in to Graph. Secrets never go on the command line: they are read from the
    /// environment variable named (--client-secret-env, --access-token-env).
    /// </summary>
    internal sealed class GraphOptions
    {
        public Option<string?> Tenant { get; } = new Option<string?>("--tenant") { Description = "Tenant id or domain." };

        public Option<string?> ClientId { get; } = new Option<string?>("--client-id") { Description = "App registration (or user-assigned managed identity) client id." };

        public Option<bool> DeviceCode { get; } = new Option<bool>("--device-code") { Description = "Sign in with a device code (no browser on this machine)." };

        public Option<bool> ManagedIdentity { get; } = new Option<bool>("--managed-identity") { Description = "Sign in as this Azure resource's managed identity." };

        public Option<string?> CertificateThumbprint { get; } = new Option<string?>("--certificate-thumbprint") { Description = "App sign-in with a certificate from the CurrentUser or LocalMachine 'My' store." };

        public Option<string?> ClientSecretVariable { get; } = new Option<string?>("--client-secret-env") { Description = "App sign-in with the client secret held in this environment variable." };

        public Option<string?> AccessTokenVariable { get; } = new Option<string?>("--access-token-env") { Description = "Use the Graph access token held in this environment variable." };

        public Option<GraphCloud> Cloud { get; } = new Option<GraphCloud>("--cloud") { Description = "Global, USGov, USGovDoD or China.", DefaultValueFactory = _ => GraphCloud.Global };

        public Option<string?> GraphBaseUrl { get; } = new Option<string?>("--graph-base-url") { Description = "Another Graph endpoint (with /v1.0), e.g. a test emulator; defaults to the cloud's or $" + ConnectionRequest.GraphBaseUrlVariable + "." };

        public void AddTo(Command command)
        {
            command.Add(Tenant);
            command.Add(ClientId);
            command.Add(DeviceCode);
            command.Add(ManagedIdentity);
            command.Add(CertificateThumbprint);
            command.Add(ClientSecretVariable);
            command.Add(AccessTokenVariable);
            command.Add(Cloud);
            command.Add(GraphBaseUrl);
        }

        /// <exception cref="ArgumentException">A named environment variable is empty, or the options conflict.</exception>
        public ConnectionRequest ToRequest(ParseResult parse, Action<string> notify)
        {
            string? secretVariable = parse.GetValue(ClientSecretVariable);
            string? tokenVariable = parse.GetValue(AccessTokenVariable);
            string? thumbprint = parse.GetValue(CertificateThumbprint);
            bool deviceCode = parse.GetValue(DeviceCode);
            bool managedIdentity = parse.GetValue(ManagedIdentity);
            int modes = (deviceCode ? 1 : 0) + (managedIdentity ? 1 : 0) + (thumbprint != null ? 1 : 0) + (secretVariable != null ? 1 : 0) + (tokenVariable != null ? 1 : 0);
            if (modes > 1)
            {
                throw new ArgumentException("Choose one way to sign in: --device-code, --managed-identity, --certificate-thumbprint, --client-secret-env or --access-token-env.");
            }

            return new ConnectionRequest
            {
                Mode = tokenVariable != null ? AuthenticationMode.AccessToken
                    : secretVariable != null ? AuthenticationMode.ClientSecret
                    : thumbprint != null ? AuthenticationMode.ClientCertificate
                    : managedIdentity ? AuthenticationMode.ManagedIdentity
                    : deviceCode ? AuthenticationMode.DeviceCode
                    : AuthenticationMode.Interactive,
                Cloud = parse.GetValue(Cloud),
                TenantId = parse.GetValue(Tenant),
                ClientId = parse.GetValue(ClientId),
                CertificateThumbprint = thumbprint,
                ClientSecret = secretVariable == null ? null : FromEnvironment(secretVariable, "--client-secret-env"),
                AccessToken = tokenVariable == null ? null : FromEnvironment(tokenVariable, "--access-token-env"),
                GraphBaseUrl = parse.GetValue(GraphBaseUrl),
                Notify = notify,
            };
        }

        private static SecureString FromEnvironment(string variable, string option)
        {
            string? value = Environment.GetEnvironmentVariable(variable);
            if (string.IsNullOrEmpty(value))
            {
                throw new ArgumentException($"{option}: the environment variable '{variable}' is empty or not set.");
            }

            var secure = new SecureString();
            foreach (char c in value)
            {
                secure.AppendChar(c);
            }

            secure.MakeReadOnly();
            return secure;
        }
    }
}
