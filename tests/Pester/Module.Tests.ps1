#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }
# The module as a whole, for every cmdlet it exports (discovered, not listed): import, manifest, help,
# parameter metadata and format data. Cmdlet-specific behaviour is in <Cmdlet>.Tests.ps1.

BeforeDiscovery {
    Import-Module (Join-Path $PSScriptRoot 'AadstsTools.TestSupport.psm1') -Force
    $manifest = Import-PowerShellDataFile (Join-Path (Get-AadstsTestModuleFolder) 'AadstsTools.psd1')
    $script:CommandCases = @($manifest.CmdletsToExport | ForEach-Object { @{ Name = $_ } })
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'AadstsTools.TestSupport.psm1') -Force
    $script:Module = Import-AadstsTestModule
    $script:Folder = Get-AadstsTestModuleFolder
    $script:Manifest = Import-PowerShellDataFile (Join-Path $Folder 'AadstsTools.psd1')
}

AfterAll {
    Remove-Module AadstsTools -Force -ErrorAction SilentlyContinue
}

Describe 'The AadstsTools module' {
    It 'imports from its version folder with the manifest''s version' {
        $Module.Version | Should -Be ([version]$Manifest.ModuleVersion)
        Split-Path $Module.ModuleBase -Leaf | Should -Be $Manifest.ModuleVersion
    }

    It 'exports exactly the cmdlets its manifest lists, and nothing else' {
        @($Module.ExportedCmdlets.Keys | Sort-Object) | Should -Be @($Manifest.CmdletsToExport | Sort-Object)
        $Module.ExportedFunctions.Count | Should -Be 0
        $Module.ExportedVariables.Count | Should -Be 0
    }

    It 'passes Test-ModuleManifest' {
        { Test-ModuleManifest -Path (Join-Path $Folder 'AadstsTools.psd1') -ErrorAction Stop } | Should -Not -Throw
    }

    It 'keeps only the cmdlets assembly, manifest, formats and help in its root' {
        $root = Get-ChildItem -LiteralPath $Folder -File | Select-Object -ExpandProperty Name
        $root | Where-Object { $_ -like '*.dll' } | Should -Be 'AadstsTools.dll'
        Test-Path -LiteralPath (Join-Path $Folder 'Dependencies/AadstsTools.Engine.dll') | Should -BeTrue
    }

    It 'loads format data for every format file' {
        foreach ($file in $Manifest.FormatsToProcess) {
            $typeName = $file -replace '\.format\.ps1xml$', ''
            Get-FormatData -TypeName $typeName | Should -Not -BeNullOrEmpty -Because "$file defines views for $typeName"
        }
    }

    It 'has the about topic' {
        $about = Get-Help about_AadstsTools
        ($about | Out-String) | Should -Match 'LONG DESCRIPTION'
    }
}

Describe '<Name>' -ForEach $CommandCases {
    BeforeAll {
        $script:Command = Get-Command $Name -Module AadstsTools
        $script:Help = Get-Help $Name -Full
        $script:Parameters = $Command.Parameters.Keys |
            Where-Object { $_ -notin [System.Management.Automation.PSCmdlet]::CommonParameters -and $_ -notin [System.Management.Automation.PSCmdlet]::OptionalCommonParameters }
    }

    It 'is a cmdlet with help from the MAML file (not generated syntax)' {
        $Command.CommandType | Should -Be 'Cmdlet'
        # Without MAML, Get-Help makes the synopsis from the syntax, which ends in [<CommonParameters>].
        $Help.Synopsis | Should -Not -Match ([regex]::Escape('[<CommonParameters>]'))
        ($Help.Description | Out-String).Trim() | Should -Not -BeNullOrEmpty
    }

    It 'has at least one example with code' {
        @($Help.Examples.Example).Count | Should -BeGreaterOrEqual 1
        $Help.Examples.Example | ForEach-Object { $_.Code | Should -Not -BeNullOrEmpty }
    }

    It 'describes every parameter' {
        foreach ($parameter in $Parameters) {
            $parameterHelp = $Help.Parameters.Parameter | Where-Object Name -EQ $parameter
            ($parameterHelp.Description | Out-String).Trim() | Should -Not -BeNullOrEmpty -Because "-$parameter of $Name needs a description"
        }
    }

    It 'declares its output types, and they have format views' {
        foreach ($type in $Command.OutputType.Name | Where-Object { $_ -notlike 'System.*' }) {
            Get-FormatData -TypeName $type | Should -Not -BeNullOrEmpty -Because "$Name outputs $type"
        }
    }

    It 'supports -WhatIf and -Confirm if it changes anything' {
        if ($Command.Verb -in 'Reset', 'Set', 'Remove', 'New', 'Update', 'Disable', 'Enable', 'Revoke') {
            $Command.Parameters.Keys | Should -Contain 'WhatIf'
            $Command.Parameters.Keys | Should -Contain 'Confirm'
        }
    }
}
