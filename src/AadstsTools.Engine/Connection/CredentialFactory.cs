using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.InteropServices;
using System.Security;
using System.Security.Cryptography.X509Certificates;
using Azure.Core;
using Azure.Identity;

namespace AadstsTools.Connection
{
    /// <summary>Turns a connection request into a plan, and a plan into an Azure.Identity credential.</summary>
    public static class CredentialFactory
    {
        /// <summary>
        /// Microsoft Graph PowerShell's public client, used for delegated sign-in when no -ClientId is given
        /// (it can be consented for any Graph permission); organisations usually register their own.
        /// </summary>
        public const string DefaultPublicClientId = "14d82eec-204b-4c2f-b7e8-296a70dab67e";

        /// <summary>Checks the request and decides the credential; the message says what is missing.</summary>
        /// <exception cref="ArgumentException">The request lacks what its mode needs.</exception>
        public static CredentialPlan Plan(ConnectionRequest request, IReadOnlyList<string>? moduleScopes = null)
        {
            if (request == null)
            {
                throw new ArgumentNullException(nameof(request));
            }

            switch (request.Mode)
            {
                case AuthenticationMode.ClientCertificate:
                    Require(request.TenantId, "-TenantId", "certificate sign-in");
                    Require(request.ClientId, "-ClientId", "certificate sign-in");
                    if (request.Certificate == null && string.IsNullOrWhiteSpace(request.CertificateThumbprint))
                    {
                        throw new ArgumentException("Certificate sign-in needs -CertificateThumbprint (a certificate in the CurrentUser or LocalMachine 'My' store) or -Certificate.");
                    }

                    break;
                case AuthenticationMode.ClientSecret:
                    Require(request.TenantId, "-TenantId", "client secret sign-in");
                    Require(request.ClientId, "-ClientId", "client secret sign-in");
                    if (request.ClientSecret == null || request.ClientSecret.Length == 0)
                    {
                        throw new ArgumentException("Client secret sign-in needs -ClientSecret (a SecureString).");
                    }

                    break;
                case AuthenticationMode.AccessToken:
                    if (request.AccessToken == null || request.AccessToken.Length == 0)
                    {
                        throw new ArgumentException("Token sign-in needs -AccessToken, e.g. (Get-AzAccessToken -ResourceUrl https://graph.microsoft.com -AsSecureString).Token.");
                    }

                    break;
            }

            bool appOnly = request.IsAppOnly;
            IReadOnlyList<string> scopes = appOnly || request.Mode == AuthenticationMode.AccessToken
                ? new[] { CloudEndpoints.DefaultScope(request.Cloud) }
                : (request.Scopes.Count > 0 ? request.Scopes : moduleScopes ?? ModulePermissions.Scopes())
                    .Select(s => CloudEndpoints.QualifyScope(request.Cloud, s)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();

            return new CredentialPlan(request.Mode, request.Cloud, CloudEndpoints.AuthorityHost(request.Cloud), request.EffectiveGraphBaseUrl, scopes)
            {
                TenantId = string.IsNullOrWhiteSpace(request.TenantId) ? null : request.TenantId!.Trim(),
                ClientId = string.IsNullOrWhiteSpace(request.ClientId)
                    ? (request.Mode == AuthenticationMode.Interactive || request.Mode == AuthenticationMode.DeviceCode ? DefaultPublicClientId : null)
                    : request.ClientId!.Trim(),
                IsAppOnly = appOnly,
                PersistTokenCache = request.PersistTokenCache && request.Mode != AuthenticationMode.ManagedIdentity && request.Mode != AuthenticationMode.AccessToken,
            };
        }

        /// <summary>The Azure.Identity credential for a plan. Constructing it signs nothing in.</summary>
        public static TokenCredential Build(CredentialPlan plan, ConnectionRequest request)
        {
            TokenCachePersistenceOptions? cache = plan.PersistTokenCache ? new TokenCachePersistenceOptions { Name = "AadstsTools" } : null;
            switch (plan.Mode)
            {
                case AuthenticationMode.Interactive:
                    return new InteractiveBrowserCredential(new InteractiveBrowserCredentialOptions
                    {
                        AuthorityHost = plan.AuthorityHost,
                        TenantId = plan.TenantId ?? "organizations",
                        ClientId = plan.ClientId,
                        TokenCachePersistenceOptions = cache,
                    });
                case AuthenticationMode.DeviceCode:
                    return new DeviceCodeCredential(new DeviceCodeCredentialOptions
                    {
                        AuthorityHost = plan.AuthorityHost,
                        TenantId = plan.TenantId ?? "organizations",
                        ClientId = plan.ClientId,
                        TokenCachePersistenceOptions = cache,
                        DeviceCodeCallback = (code, _) =>
                        {
                            request.Notify?.Invoke(code.Message);
                            return System.Threading.Tasks.Task.CompletedTask;
                        },
                    });
                case AuthenticationMode.ManagedIdentity:
                    ManagedIdentityId identity = string.IsNullOrWhiteSpace(plan.ClientId)
                        ? ManagedIdentityId.SystemAssigned
                        : ManagedIdentityId.FromUserAssignedClientId(plan.ClientId);
                    return new ManagedIdentityCredential(new ManagedIdentityCredentialOptions(identity) { AuthorityHost = plan.AuthorityHost });
                case AuthenticationMode.ClientCertificate:
                    X509Certificate2 certificate = request.Certificate ?? FindCertificate(request.CertificateThumbprint!);
                    return new ClientCertificateCredential(plan.TenantId, plan.ClientId, certificate, new ClientCertificateCredentialOptions
                    {
                        AuthorityHost = plan.AuthorityHost,
                        TokenCachePersistenceOptions = cache,
                    });
                case AuthenticationMode.ClientSecret:
                    return new ClientSecretCredential(plan.TenantId, plan.ClientId, ToPlainText(request.ClientSecret!), new ClientSecretCredentialOptions
                    {
                        AuthorityHost = plan.AuthorityHost,
                        TokenCachePersistenceOptions = cache,
                    });
                case AuthenticationMode.AccessToken:
                    return new AccessTokenCredential(ToPlainText(request.AccessToken!));
                default:
                    throw new ArgumentOutOfRangeException(nameof(plan), plan.Mode, "Unknown sign-in mode.");
            }
        }

        /// <summary>A certificate with its private key, from the CurrentUser then the LocalMachine "My" store.</summary>
        public static X509Certificate2 FindCertificate(string thumbprint)
        {
            string wanted = new string(thumbprint.Where(char.IsLetterOrDigit).ToArray()).ToUpperInvariant();
            foreach (StoreLocation location in new[] { StoreLocation.CurrentUser, StoreLocation.LocalMachine })
            {
                try
                {
                    using var store = new X509Store(StoreName.My, location);
                    store.Open(OpenFlags.ReadOnly | OpenFlags.OpenExistingOnly);
                    X509Certificate2Collection found = store.Certificates.Find(X509FindType.FindByThumbprint, wanted, validOnly: false);
                    foreach (X509Certificate2 certificate in found)
                    {
                        if (certificate.HasPrivateKey)
                        {
                            return certificate;
                        }

                        throw new ArgumentException($"The certificate {wanted} in {location}\\My has no private key this account can use.");
                    }
                }
                catch (System.Security.Cryptography.CryptographicException)
                {
                    // The store doesn't exist on this platform or for this account: try the next one.
                }
            }

            throw new ArgumentException($"No certificate with thumbprint {wanted} was found in the CurrentUser or LocalMachine 'My' store; pass -Certificate instead, or check the thumbprint.");
        }

        private static void Require(string? value, string parameter, string what)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                throw new ArgumentException($"{char.ToUpperInvariant(what[0])}{what.Substring(1)} needs {parameter}.");
            }
        }

        /// <summary>Secrets leave their SecureString only here, for the credential that needs them.</summary>
        internal static string ToPlainText(SecureString secret)
        {
            IntPtr pointer = IntPtr.Zero;
            try
            {
                pointer = Marshal.SecureStringToGlobalAllocUnicode(secret);
                return Marshal.PtrToStringUni(pointer) ?? string.Empty;
            }
            finally
            {
                if (pointer != IntPtr.Zero)
                {
                    Marshal.ZeroFreeGlobalAllocUnicode(pointer);
                }
            }
        }
    }
}
