using System.Management.Automation;
using System.Security;
using System.Security.Cryptography.X509Certificates;
using AadstsTools.Connection;
using AadstsTools.Infrastructure;

namespace AadstsTools.Commands
{
    /// <summary>Signs in to Microsoft Graph for this module's commands.</summary>
    [Cmdlet(VerbsCommunications.Connect, "AadstsGraph", DefaultParameterSetName = InteractiveSet)]
    [OutputType(typeof(GraphContext))]
    public sealed class ConnectAadstsGraphCommand : AadstsCmdlet
    {
        private const string InteractiveSet = "Interactive";
        private const string DeviceCodeSet = "DeviceCode";
        private const string IdentitySet = "ManagedIdentity";
        private const string ThumbprintSet = "CertificateThumbprint";
        private const string CertificateSet = "Certificate";
        private const string SecretSet = "ClientSecret";
        private const string TokenSet = "AccessToken";

        // Engine enums are kept boxed: a field of an engine value type would make PowerShell load the engine
        // while it lists this assembly's types, before the module initializer can find it in Dependencies/.
        private object? _environment;

        /// <summary>Tenant id or a verified domain.</summary>
        [Parameter(ParameterSetName = InteractiveSet)]
        [Parameter(ParameterSetName = DeviceCodeSet)]
        [Parameter(Mandatory = true, ParameterSetName = ThumbprintSet)]
        [Parameter(Mandatory = true, ParameterSetName = CertificateSet)]
        [Parameter(Mandatory = true, ParameterSetName = SecretSet)]
        [Alias("Tenant")]
        public string? TenantId { get; set; }

        /// <summary>The app registration's client id; for -Identity, a user-assigned managed identity's client id.</summary>
        [Parameter(ParameterSetName = InteractiveSet)]
        [Parameter(ParameterSetName = DeviceCodeSet)]
        [Parameter(ParameterSetName = IdentitySet)]
        [Parameter(Mandatory = true, ParameterSetName = ThumbprintSet)]
        [Parameter(Mandatory = true, ParameterSetName = CertificateSet)]
        [Parameter(Mandatory = true, ParameterSetName = SecretSet)]
        [Alias("AppId", "ApplicationId")]
        public string? ClientId { get; set; }

        /// <summary>Delegated permissions to ask for; by default what the module's commands need.</summary>
        [Parameter(ParameterSetName = InteractiveSet)]
        [Parameter(ParameterSetName = DeviceCodeSet)]
        public string[]? Scopes { get; set; }

        /// <summary>Sign in with a code entered on another device.</summary>
        [Parameter(Mandatory = true, ParameterSetName = DeviceCodeSet)]
        [Alias("DeviceCode")]
        public SwitchParameter UseDeviceCode { get; set; }

        /// <summary>Sign in as the managed identity of the Azure resource (Azure Automation, VMs, Functions).</summary>
        [Parameter(Mandatory = true, ParameterSetName = IdentitySet)]
        [Alias("ManagedIdentity")]
        public SwitchParameter Identity { get; set; }

        /// <summary>A certificate in the CurrentUser or LocalMachine "My" store, by thumbprint.</summary>
        [Parameter(Mandatory = true, ParameterSetName = ThumbprintSet)]
        public string? CertificateThumbprint { get; set; }

        /// <summary>A certificate object with its private key.</summary>
        [Parameter(Mandatory = true, ParameterSetName = CertificateSet)]
        public X509Certificate2? Certificate { get; set; }

        /// <summary>The app registration's client secret.</summary>
        [Parameter(Mandatory = true, ParameterSetName = SecretSet)]
        public SecureString? ClientSecret { get; set; }

        /// <summary>A Graph access token obtained elsewhere (e.g. Get-AzAccessToken -AsSecureString).</summary>
        [Parameter(Mandatory = true, ParameterSetName = TokenSet)]
        public SecureString? AccessToken { get; set; }

        /// <summary>The Microsoft cloud: Global, USGov, USGovDoD or China.</summary>
        [Parameter]
        [Alias("Cloud")]
        public GraphCloud Environment
        {
            get => _environment is GraphCloud cloud ? cloud : GraphCloud.Global;
            set => _environment = value;
        }

        /// <summary>Keep tokens in the operating system's protected cache across sessions (memory only otherwise).</summary>
        [Parameter(ParameterSetName = InteractiveSet)]
        [Parameter(ParameterSetName = DeviceCodeSet)]
        [Parameter(ParameterSetName = ThumbprintSet)]
        [Parameter(ParameterSetName = CertificateSet)]
        [Parameter(ParameterSetName = SecretSet)]
        public SwitchParameter PersistTokenCache { get; set; }

        protected override void EndProcessing()
        {
            var request = new ConnectionRequest
            {
                Mode = ParameterSetName switch
                {
                    DeviceCodeSet => AuthenticationMode.DeviceCode,
                    IdentitySet => AuthenticationMode.ManagedIdentity,
                    ThumbprintSet => AuthenticationMode.ClientCertificate,
                    CertificateSet => AuthenticationMode.ClientCertificate,
                    SecretSet => AuthenticationMode.ClientSecret,
                    TokenSet => AuthenticationMode.AccessToken,
                    _ => AuthenticationMode.Interactive,
                },
                Cloud = Environment,
                TenantId = TenantId,
                ClientId = ClientId,
                Scopes = Scopes ?? System.Array.Empty<string>(),
                CertificateThumbprint = CertificateThumbprint,
                Certificate = Certificate,
                ClientSecret = ClientSecret,
                AccessToken = AccessToken,
                PersistTokenCache = PersistTokenCache,
            };
            RunEngine(output => ConnectionService.ConnectAsync(request, output));
        }
    }
}
