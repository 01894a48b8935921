#
# Module manifest for AadstsTools. build.ps1 (or the Layout target) copies it into the module folder and
# stamps ModuleVersion from Directory.Build.props; a test keeps the two equal here.
#
@{
    RootModule             = 'AadstsTools.dll'
    ModuleVersion          = '0.1.0'
    GUID                   = '3f6b7c2e-8a41-4d0e-9c55-2b7f1e6a9d34'
    Author                 = 'AadstsTools contributors'
    CompanyName            = 'AadstsTools contributors'
    Copyright              = '(c) AadstsTools contributors. All rights reserved.'
    Description            = 'Fixes Microsoft Entra ID sign-in failures: explains AADSTS error codes offline, checks whether users can sign in, and resets passwords safely in bulk through Microsoft Graph.'
    CompatiblePSEditions   = @('Desktop', 'Core')
    PowerShellVersion      = '5.1'
    DotNetFrameworkVersion = '4.7.2'
    FormatsToProcess       = @(
        'AadstsTools.Guidance.format.ps1xml'
        'AadstsTools.SignInFailure.format.ps1xml'
        'AadstsTools.Readiness.format.ps1xml'
        'AadstsTools.Reset.format.ps1xml'
        'AadstsTools.Connection.format.ps1xml'
    )
    CmdletsToExport        = @(
        'Get-AadstsGuidance'
        'Test-UserSignInReadiness'
        'Reset-AadUserPassword'
        'Get-AadSignInFailure'
        'Connect-AadstsGraph'
        'Disconnect-AadstsGraph'
        'Get-AadstsGraphContext'
    )
    FunctionsToExport      = @()
    VariablesToExport      = @()
    AliasesToExport        = @()
    PrivateData            = @{
        PSData = @{
            Tags         = @('Entra', 'EntraID', 'AzureAD', 'AADSTS', 'SignIn', 'Password', 'Graph', 'Troubleshooting', 'PSEdition_Desktop', 'PSEdition_Core', 'Windows', 'Linux', 'MacOS')
            ReleaseNotes = 'See CHANGELOG.md: https://github.com/aadststools/AadstsTools/blob/main/CHANGELOG.md'
        }
    }
}
